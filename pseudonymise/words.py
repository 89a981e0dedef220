"""Word lists the recogniser reads, written out literally (never loaded from a file).

`FIRST_NAMES` are common first names in England and Wales that are not also everyday words
("will", "mark", "grace" and the like are left out: lower-case speech-recognition text cannot
tell them apart; they are caught after a cue such as "my name is"). `PLACES` are towns and cities
a probation transcript is likely to name. `COMMON_WORDS` are words that are never taken for a
name after a cue ("my brother said ..."), so the cues do not swallow ordinary speech.
"""


def words(text: str) -> list[str]:
    """The words of a literal list written as one string, one or more to a line."""
    return text.split()


FIRST_NAMES = frozenset(
    words("""
    aaron abdul abigail adam adrian ahmed aidan aisha alan alex alexander alfie ali alice alison
    amanda amber amelia amir amy andrea andrew andy angela anna anne anthony archie arthur ashley
    barry ben benjamin beth bethany bradley brandon brian callum cameron carl carol caroline
    charlie charlotte chloe chris christine christopher claire colin connor craig daniel danielle
    darren david dean debbie declan demi dylan ebony eleanor elizabeth ella ellie emily emma
    eric ethan evie faisal fatima finley freddie gary gavin george georgia gemma graham hannah
    harry harvey hassan hayley helen holly ian imran isaac isabella isla jack jacob jade jake
    james jamie jane jason jasmine jayden jennifer jessica joanne joe joel john jonathan jordan
    joseph josh joshua julie justin karen kate katie kayleigh keith kelly kevin kieran kyle laura
    lauren leah lee leon lewis liam lily lisa logan louise lucy luke mandy mariam marie martin
    mason matthew megan melissa mia michael michelle mohammed muhammad nathan neil nicola nicole
    niamh noah oliver olivia oscar owen paul paula priya rachel rebecca reece rhys richard riley
    robert ryan sadia samantha sarah scott sean shane shannon sharon simon sophie stacey stephen
    steven stuart susan tariq thomas tom tony tracey tyler usman vicky wayne william yasmin zara
    zoe
    """)
)

PLACES = frozenset(
    words("""
    aylesbury barnsley barnet basildon bedford belfast birmingham blackburn blackpool bolton
    bournemouth bradford brighton bristol burnley bury cambridge cardiff carlisle chelmsford
    chester colchester coventry crawley croydon darlington derby doncaster dudley durham
    edinburgh exeter gateshead glasgow gloucester grimsby hackney halifax harlow hartlepool
    huddersfield hull ipswich islington kettering lambeth leeds leicester lewisham lincoln
    liverpool london luton maidstone manchester middlesbrough milton newcastle newport
    northampton norwich nottingham oldham oxford peckham peterborough plymouth portsmouth
    preston reading rochdale rotherham salford sheffield slough southampton southend
    southwark stockport stockton stoke sunderland swansea swindon tottenham wakefield walsall
    warrington watford wigan wolverhampton worcester york
    """)
)

COMMON_WORDS = frozenset(
    words("""
    a about above after again against ago ah all almost along already alright also always am an
    and another any anyone anything are around as ask asked at away back bad be because been
    before being best better big bit both brother but by came can cannot could course dad day
    did didn't different do does doing don't done down each else even ever every everyone
    everything fair family feel felt few fine first for found friend from fucking get gets
    getting give go goes going gone good got great had happened happy hard has have having he
    her here him his home honestly how i i'm if in into is isn't it it's just keep kind know
    last late least left less let like little look lot love made make many may maybe me mean
    might mind more most much mum must my myself need never new next nice no not nothing now
    of off oh ok okay old on once one only or other our out over own part people place pretty
    probably put quite rather really right said same saw say says see seen she should since so
    some someone something sometimes sorry still such sure take talk talking tell than thank
    thanks that that's the their them then there these they thing things think this those
    though thought through time to today told too took tried try trying um uh under up us used
    very want wanted was wasn't way we week well went were what when where which while who why
    will with won't work would yeah year years yes yesterday yet you your
    """)
)

NUMBER_WORDS = frozenset(
    words("zero oh o one two three four five six seven eight nine double triple")
)

MONTHS = words(
    "january february march april may june july august september october november december"
)
