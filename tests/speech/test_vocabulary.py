"""The words of the trade as the prompt Whisper is given (speech.vocabulary)."""

from faster_whisper.tokenizer import Tokenizer

from speech.transcribe import TranscriptionOptions, _model
from speech.vocabulary import MAX_VOCABULARY_WORDS, PROBATION_TERMS, prompt_for, terms_in

# faster-whisper keeps only the last max_length // 2 - 1 tokens of a prompt, dropping its start.
WHISPER_PROMPT_TOKENS = 223


def test_a_typed_list_becomes_its_terms_once_each_in_order():
    typed = "  licence \n\nOASys, Approved   Premises\nlicence\nOASYS\n"
    assert terms_in(typed) == ["licence", "OASys", "Approved Premises"]
    assert prompt_for(terms_in(typed)).endswith("licence, OASys, Approved Premises.")
    assert prompt_for([]) is None and prompt_for([" "]) is None


def _longest_list() -> list[str]:
    """Terms of the default's kind (acronyms, several words), each made distinct by a number,
    as many as the setting takes."""
    terms, words = [], 0
    while True:
        term = f"{PROBATION_TERMS[len(terms) % len(PROBATION_TERMS)]}{len(terms)}"
        if words + len(term.split()) > MAX_VOCABULARY_WORDS:
            return terms
        terms.append(term)
        words += len(term.split())


def test_the_longest_list_the_setting_takes_fits_in_what_whisper_reads():
    model = _model(TranscriptionOptions())
    tokenizer = Tokenizer(model.hf_tokenizer, False, task="transcribe", language="en")

    tokens = tokenizer.encode(prompt_for(_longest_list()))

    assert len(tokens) <= WHISPER_PROMPT_TOKENS
    assert len(tokenizer.encode(prompt_for(PROBATION_TERMS))) < len(tokens)
