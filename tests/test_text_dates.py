"""text/dates: written-out dates in English, Russian and Turkish, with their positions (issue 10)."""

import datetime as dt

from scripts.text.dates import dates_in


def test_dates_in_three_languages_with_their_positions_in_order():
    text = "Day: May 9, 1945; 24 июня 1945 and 9 Mayıs 2023. MAY 8 1945"
    assert dates_in(text) == [(5, dt.date(1945, 5, 9)), (18, dt.date(1945, 6, 24)), (35, dt.date(2023, 5, 9)),
                              (49, dt.date(1945, 5, 8))]


def test_impossible_dates_are_skipped():
    assert dates_in("February 30, 1945 and June 22, 1941") == [(22, dt.date(1941, 6, 22))]


def test_no_date_without_a_year_after_white_space():
    assert dates_in("May 9") == []
    assert dates_in("May 9,1945") == []
    assert dates_in("May 9, 19456") == []
    assert dates_in("1945") == []
    assert dates_in("") == []
    assert dates_in("in 1945 the war ended") == []


def test_a_date_at_the_very_start_of_a_long_text():
    assert dates_in("9 мая 1945 " + "x" * 100) == [(0, dt.date(1945, 5, 9))]
    assert dates_in("y" * 100 + " 22 Haziran 1941") == [(101, dt.date(1941, 6, 22))]


def test_a_number_glued_to_a_word_does_not_stop_the_search():
    assert dates_in("In1945 the parade, May 9, 1945") == [(19, dt.date(1945, 5, 9))]


def test_a_month_cut_by_the_window_after_an_underscore_is_no_month():
    date = "May" + " " * 30 + "9," + " " * 29  # the 64 characters dates_in looks at before the year
    assert dates_in("_" + date + "1945") == []  # "_May" is one word, as "xMay" is
    assert dates_in("-" + date + "1945") == [(1, dt.date(1945, 5, 9))]
