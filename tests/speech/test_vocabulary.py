"""The words of the trade as the prompt Whisper is given (speech.vocabulary)."""

import pytest
from faster_whisper.tokenizer import Tokenizer

from speech.transcribe import TranscriptionOptions, _model
from speech.vocabulary import (
    MAX_PROMPT_TOKENS,
    PROBATION_PROMPT,
    SPOKEN_STYLE,
    prompt_for,
    prompt_tokens,
    terms_in,
)

ACRONYMS = [
    "HMPPS",
    "ROTL",
    "OGRS",
    "OVP",
    "RSR",
    "HDC",
    "PSR",
    "NPS",
    "CRC",
    "AP",
    "IOM",
    "DTTO",
    "ATR",
    "MHTR",
    "ETE",
    "OPD",
]


def test_a_typed_list_becomes_its_terms_once_each_in_order():
    typed = "  licence \n\nOASys, Approved   Premises\nlicence\nOASYS\n"
    assert terms_in(typed) == ["licence", "OASys", "Approved Premises"]
    assert "Terms: licence, OASys, Approved Premises. " in prompt_for(terms_in(typed))


def test_whisper_is_always_told_the_way_people_talk_last_next_to_the_audio():
    # the list on or off, the style of talk is given, and after the terms: Whisper reads the
    # prompt as what was said just before the audio
    assert prompt_for([]) == SPOKEN_STYLE and prompt_for([" "]) == SPOKEN_STYLE
    with_terms = prompt_for(["licence", "OASys"])
    assert with_terms.endswith(SPOKEN_STYLE) and with_terms.index("OASys") < with_terms.index("Um")
    # it is talk, repeated words and fillers and all, not a tidy sentence
    assert "I, I " in SPOKEN_STYLE and "um" in SPOKEN_STYLE.lower()


def test_the_prompt_is_counted_as_whisper_counts_it():
    # faster-whisper encodes the prompt with the model's own tokenizer (sequential loop: with a
    # leading space, as counted here); tiny.en is the model the tests load
    model = _model(TranscriptionOptions())
    whisper = Tokenizer(model.hf_tokenizer, False, task="transcribe", language="en")
    assert prompt_tokens(PROBATION_PROMPT) == len(whisper.encode(" " + PROBATION_PROMPT))


@pytest.mark.parametrize("model", ["tiny.en", "whisper-base"])
def test_the_default_list_fits_and_seventy_acronyms_do_not(model):
    assert prompt_tokens(PROBATION_PROMPT, model) <= MAX_PROMPT_TOKENS
    acronyms = [f"{a}{k}" for k in range(5) for a in ACRONYMS][:70]
    assert prompt_tokens(prompt_for(acronyms), model) > MAX_PROMPT_TOKENS
