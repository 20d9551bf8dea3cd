"""English reporting grammar as word lists: reporting verbs, their participles, the words that
may stand between a subject and its verb, and what may follow a verb that ends an attribution."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Finite forms (and a few bare ones: "heard Putin tell him") of verbs that report speech.
REPORTING_VERBS = _words(
    """
    said says say added adds stressed stresses noted notes told tells tell vowed vows praised
    praises warned warns announced announces declared declares insisted insists emphasized
    emphasizes emphasised emphasises underlined underlines underscored stated states affirmed
    reaffirmed asserted claimed claims remarked explained explains argued argues pointed
    reiterated reiterates urged urges called calls replied responded commented observed
    acknowledged admitted conceded suggested proposed highlighted recalled reported reports wrote
    writes read reads continued concluded maintained hailed welcomed expressed confirmed asked
    asks answered tweeted quipped joked retorted boasted promised threatened predicted complained
    cautioned assured pledged shouted informed informs spoke speaks described describes dubbed
    labelled labeled branded termed accused accuses chastised criticized criticised slammed
    rebuked admonished blasted denounced condemned lambasted dismissed posted posts exclaimed
    exclaims countered counters echoed echoes lamented laments mused snapped recounted clarified
    clarifies specified elaborated opined hinted revealed disclosed objected protested pleaded
    scoffed mocked referred refers touted touts characterized characterised
    """
)
# "-ing" forms: "Oskirko saying '...'", "the palace said, adding: '...'" (subject elided).
PARTICIPLES = _words(
    """
    saying adding noting stressing warning telling insisting arguing explaining declaring
    asking writing stating emphasizing emphasising recalling replying answering commending
    praising accusing urging describing calling dismissing referring touting
    """
)
# Verbs whose object comes before anything else: "told reporters", "asked his visitors".
OBJECT_VERBS = _words(
    "told tells tell telling asked asks asking informed informs assured urged urges warned warns"
)
# Words between a subject and its verb: "has", "meanwhile", "can be heard", "was quoted as".
AUXILIARIES = _words(
    """
    has have had also later then earlier again further once recently previously reportedly
    repeatedly was is were are would will meanwhile himself herself however separately too now
    today yesterday subsequently additionally still on monday tuesday wednesday thursday friday
    saturday sunday can could be been being heard seen quoted as caught overheard went goes go
    to
    """
)
# Conjunctions that open a clause before its subject: "and Olmert told his host".
CONJUNCTIONS = _words("and but or as while when so yet because although though if whereas")
# Words that may follow a reporting verb when the clause only attributes ("said on Monday",
# "told reporters in Beijing"); any other word starts what was said ("said the talks failed").
AFTER_VERB = _words(
    """
    in on at during after before while when to from with as of about via by through amid late
    earlier later
    today yesterday tonight again also too then recently repeatedly firmly flatly bluntly
    angrily publicly privately separately meanwhile however monday tuesday wednesday thursday
    friday saturday sunday
    """
)
# Nouns of speech a possessive names the speaker of: "Ned Price's comments that ...".
SPEECH_NOUNS = _words(
    """
    comments comment remarks remark words statement statements assertion claim claims warning
    warnings pledge promise speech message tweet post reply answer response
    """
)
# Passive attributions naming the speaker after "by": "as indicated by Sergei Lavrov".
PASSIVE_VERBS = _words(
    """
    said stated indicated noted announced written voiced expressed uttered spoken declared
    explained stressed emphasized emphasised confirmed claimed repeated reiterated
    """
)
# Time phrases after a verb end an attribution too: "said the day before", "said last week".
TIME_OPENERS = _words("the this last that next earlier later same")
TIME_NOUNS = _words(
    """
    day days week weeks month months year years morning afternoon evening night weekend time
    """
)
# A name after one of these is its object, not a subject: "Poulson in his address to Khrushchev".
PREPOSITIONS = _words("to with of for at in on from by about against toward towards into")
