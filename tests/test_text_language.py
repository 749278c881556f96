"""text/language: what is not words is left out, and the language a paragraph is told to be (issue 10)."""

from scripts.text.language import detect_lang, words_of


def test_addresses_handles_and_hashtags_are_not_words():
    assert words_of("see www.mil.ru today").split() == ["see", "today"]
    assert words_of("ask @MFARussia now").split() == ["ask", "now"]
    assert words_of("write to info@mid.ru please").split() == ["write", "to", "please"]
    assert words_of("read https://t.me/MFARussia/1 here").split() == ["read", "here"]
    assert words_of("День #Победы настал").split() == ["День", "настал"]
    assert words_of("plain words stay") == "plain words stay"


def test_the_three_languages_are_told_apart():
    assert detect_lang("The Soviet delegation arrived in London to sign the agreement with the allies.") == "en"
    assert detect_lang("Советская делегация прибыла в Лондон, чтобы подписать соглашение с союзниками.") == "ru"
    assert detect_lang("Sovyet heyeti müttefiklerle anlaşmayı imzalamak için Londra'ya geldi.") == "tr"


def test_no_words_no_language():
    assert detect_lang("#Victory78 @MFARussia https://t.me/x 1945 🇷🇺") is None
    assert detect_lang("") is None


def test_a_confident_short_paragraph_in_one_of_ours_keeps_that_language():
    assert detect_lang("Zafer günü") == "tr"  # no ğ, ş or ı: the script alone would say en


def test_another_language_needs_three_words_to_count():
    assert detect_lang("Війна скінчилася сьогодні") == "uk"
    assert detect_lang("Der Krieg endete heute") == "de"
    assert detect_lang("Berlin im Mai") == "de"  # the model reads the words apart, as written
    assert detect_lang("Війна скінчилася") == "ru"  # two words: the script decides
    assert detect_lang("Sie kamen") == "en"


def test_below_confidence_the_script_decides():
    assert detect_lang("Победа") == "ru"
    assert detect_lang("Şura") == "tr"
    assert detect_lang("Hello") == "en"
