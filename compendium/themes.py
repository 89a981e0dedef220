"""The compendium's controlled vocabulary of themes, and how an entry's text suggests them.

The first fifteen are the programme's own list; the rest are themes the compendium's text keeps
returning to. Each theme's patterns are matched against an entry's title and text; the importer
proposes the themes that match often enough, and editors correct them.
"""

import re

# name -> (description, patterns)
THEMES: dict[str, tuple[str, list[str]]] = {
    "desistance": ("How and why people stop offending.", [r"desist"]),
    "motivational interviewing": (
        "Eliciting change talk; rolling with resistance.",
        [r"motivational interview", r"\bMI\b", r"change talk", r"motivational"],
    ),
    "prosocial modelling": (
        "Modelling and rewarding prosocial attitudes and behaviour.",
        [r"pro-?social model", r"role model", r"pro-?social"],
    ),
    "cognitive behavioural approaches": (
        "Working with thinking to change behaviour.",
        [r"cognitive", r"\bCBT?\b", r"problem solving", r"thinking skills"],
    ),
    "relationship and engagement": (
        "The working relationship between practitioner and offender.",
        [r"relationship", r"engag", r"therapeutic alliance", r"working alliance", r"rapport"],
    ),
    "structuring supervision": (
        "Planning and structuring supervision sessions.",
        [
            r"structured supervision",
            r"structur\w* (?:session|supervision|programme)",
            r"one[- ]to[- ]one supervision",
        ],
    ),
    "risk-need-responsivity": (
        "Matching intervention to risk, criminogenic need and responsivity.",
        [r"\bRNR\b", r"responsivity", r"criminogenic", r"risk principle", r"risk/need"],
    ),
    "compliance and enforcement": (
        "Keeping people engaged with their order; breach and re-engagement.",
        [r"complian", r"breach", r"enforcement", r"re-engag", r"non-attend"],
    ),
    "sentence planning": ("Sentence plans made with the offender.", [r"sentence plan"]),
    "personality disorder": (
        "Working with people with personality disorders.",
        [r"personality disorder", r"\bDSPD\b", r"\bPD\b"],
    ),
    "staff support and supervision": (
        "Supporting practitioners: reflective supervision, emotional literacy, managers.",
        [
            r"reflective",
            r"emotional literacy",
            r"line manag",
            r"staff (?:support|supervision)",
            r"manager",
        ],
    ),
    "voluntary and community sector": (
        "Partnership with voluntary and community organisations.",
        [r"voluntary", r"communit\w* sector", r"\bVCS\b", r"charit", r"third sector"],
    ),
    "young adults": (
        "Young adults and young people in transition.",
        [r"young (?:adult|people|men|offender)", r"aged? 1[89]"],
    ),
    "diversity": (
        "Ethnicity, culture and difference in engagement.",
        [r"ethnic", r"diversity", r"\bBME\b", r"cultur\w* (?:context|difference)", r"racis"],
    ),
    "women": (
        "Women offenders and gender-informed practice.",
        [r"\bwomen\b", r"female", r"gender"],
    ),
    # Themes the text itself shows.
    "mentoring": ("Mentors and peer mentors alongside offender managers.", [r"mentor"]),
    "substance misuse": ("Drugs and alcohol.", [r"substance", r"\bdrug", r"alcohol", r"\bDRR\b"]),
    "employment and education": (
        "Work, training and education as routes out of offending.",
        [r"employment", r"\bETE\b", r"education", r"training provider"],
    ),
    "offender feedback": (
        "Listening to offenders: service user groups, questionnaires and surveys.",
        [r"service user", r"feedback questionnaire", r"offender feedback", r"survey"],
    ),
    "programmes": (
        "Accredited programmes and group work.",
        [r"programme", r"group work", r"attrition"],
    ),
    "sex offenders": (
        "Work with sexual offending.",
        [r"sex\w* offend", r"sexual deviation", r"sexual"],
    ),
}

# How many matches it takes, in an entry's text, to propose a theme; a short entry (a summary
# of a few paragraphs) names its subject fewer times.
PROPOSAL_THRESHOLD = 3
SHORT_ENTRY_CHARS = 1500
SHORT_ENTRY_THRESHOLD = 2


def propose_themes(title: str, text: str) -> list[str]:
    """Theme names whose patterns the entry's title matches, or its text matches often enough."""
    threshold = SHORT_ENTRY_THRESHOLD if len(text) < SHORT_ENTRY_CHARS else PROPOSAL_THRESHOLD
    proposed = []
    for name, (_description, patterns) in THEMES.items():
        in_title = any(re.search(p, title, re.IGNORECASE) for p in patterns)
        hits = sum(len(re.findall(p, text, re.IGNORECASE)) for p in patterns)
        if in_title or hits >= threshold:
            proposed.append(name)
    return proposed
