"""text/hashtags: finding hashtags, telling a hashtag line, comparing tags (issue 10, mutation testing)."""

from scripts.text.hashtags import hashtags, is_hashtag_line, tag_key, unique_hashtags


def test_hashtags_in_order_without_the_sign():
    assert hashtags("Remember #Victory78 and #МыБылиСоюзниками, not a&#60;b nor a#b") == ["Victory78", "МыБылиСоюзниками"]


def test_unique_hashtags_keep_the_first_spelling_of_each():
    assert unique_hashtags(["Victory", "Parade", "VICTORY", "parade", "Ally"]) == ["Victory", "Parade", "Ally"]
    assert unique_hashtags(["İzmir", "izmir", "IZMIR", "ızmır"]) == ["İzmir"]
    assert unique_hashtags([]) == []


def test_a_hashtag_line_holds_hashtags_and_nothing_else():
    assert is_hashtag_line("#Victory #Parade") is True
    assert is_hashtag_line("  #Victory  ") is True
    assert is_hashtag_line("The parade #Victory") is False
    assert is_hashtag_line("The parade") is False
    assert is_hashtag_line("") is False
    assert is_hashtag_line("   ") is False


def test_tag_key_ignores_case_sign_and_turkish_i_but_not_script():
    assert tag_key("#Victory") == tag_key("victory") == "victory"
    assert tag_key("İSTANBUL") == tag_key("istanbul") == tag_key("ıstanbul") == "istanbul"
    assert tag_key("Победа") == "победа"
    assert tag_key("Pobeda") != tag_key("Победа")


def test_tag_key_strips_only_the_sign_and_reads_a_decomposed_dotted_i_as_i():
    assert tag_key("#Xenia") == "xenia"
    assert tag_key("##Victory") == "victory"
    assert tag_key("i\u0307zmir") == tag_key("İzmir") == "izmir"  # i + combining dot above, as some keyboards write İ lowercased
