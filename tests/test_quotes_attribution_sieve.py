"""Speaker attribution as a sieve (issue 11): a quote finds its mention by reporting grammar,
then the mention finds its person in the document (names, roles, pronouns). Each text reads
like a wire sentence; the quote is picked by its first words."""

from __future__ import annotations

import pytest
from speaker_helpers import speaker_of

from drift.quotes import extract_quotes, speaker_key
from drift.records import Document

# (what a reader relies on, text, first words of the quote, expected speaker)
CASES = [
    (
        "a role two people hold means the one named last",
        "Foreign Ministry spokesman Lin Jian met reporters on Monday. Defense Ministry spokesman "
        "Wu Qian visited the base on Tuesday. The spokesman said the drills were “a stern "
        "warning to separatists”.",
        "a stern warning",
        "Wu Qian",
    ),
    (
        "a weekday after a titled name is no part of the name",
        "Defense Ministry spokesman Wu Qian Thursday told Taiwan that the drills would go on. "
        "The spokesman also accused Taipei of “soliciting support for independence”.",
        "soliciting support",
        "Wu Qian",
    ),
    (
        "a role named before the person, who is named in the next paragraph",
        "The exchange started when Russia's ambassador accused the U.S. of “whipping up "
        "hysteria” about the troops.\n\n“You want it to happen,” said Russian Ambassador "
        "Vasily Nebenzia through a translator.",
        "whipping up",
        "Vasily Nebenzia",
    ),
    (
        "an attribution read on through a prepositional phrase after the name",
        "“You want it to happen,” said Russian Ambassador Vasily Nebenzia through a translator.",
        "You want it",
        "Vasily Nebenzia",
    ),
    (
        "a role of one country is not a titled person of another",
        "At a press conference with Polish President Andrzej Duda, Zelensky said the threat was "
        "a daily one.\n\n“Russia does this all the time,” the Ukrainian president said.",
        "Russia does",
        "Volodymyr Zelensky",
    ),
    (
        "a generic definite role ('the head of the Alliance') is who spoke last",
        "“What NATO is doing is defensive,” said Stoltenberg. The head of the Alliance pointed "
        "out that cohesion among members is “stronger than ever”.",
        "stronger than",
        "Jens Stoltenberg",
    ),
    (
        "a title of two words before a name ('Secretary General') still names the person",
        "NATO Secretary General Jens Stoltenberg arrived in Brussels. “We are ready,” the "
        "secretary general said.",
        "We are ready",
        "Jens Stoltenberg",
    ),
    (
        "words explained by an assistant, then 'he said', are the assistant's",
        "Medvedev's choice of date was explained by his assistant Oleg Osipov, RIA reported.\n\n"
        "“The date chosen is symbolic,” he said.",
        "The date chosen",
        "Oleg Osipov",
    ),
    (
        "a post on social media reports its author's words",
        "Spokeswoman Hua Chunying posted on her account on August 7, “There are 38 dumpling "
        "restaurants in Taipei.”",
        "There are 38",
        "Hua Chunying",
    ),
    (
        "a participle clause takes the sentence's subject, a long title before the name",
        "Former U.S. Department of State spokesperson Morgan Ortagus shared a screenshot of the "
        "post, replying in a parody, “There are 8,500 KFC restaurants in China.”",
        "There are 8,500",
        "Morgan Ortagus",
    ),
    (
        "a possessive name is not the subject a source clause falls back on",
        "Medvedev's choice of date was explained by his assistant Oleg Osipov on Monday, RIA "
        "reported. “The date is symbolic,” he said.",
        "The date is",
        "Oleg Osipov",
    ),
    (
        "'the department' is the department named last",
        "The call was confirmed by Beijing, the US Department of State said on Wednesday. "
        "“The Secretary spoke today with Wang Yi,” the department said in a statement.",
        "The Secretary",
        "US State Department",
    ),
    (
        "a role noun with a typo is still the role",
        "Sergei Shoigu spoke at the forum. “We demonstrate openness,” said the Defence Minsiter.",
        "We demonstrate",
        "Sergei Shoigu",
    ),
    (
        "the dots of 'U.N.' are part of the subject, not the end of a sentence",
        "“We will not give up,” U.N. Secretary-General Antonio Guterres said.",
        "We will not",
        "Antonio Guterres",
    ),
    (
        "a role of a country is the one person of that country named, by the speaker table",
        "Lavrov met Mevlut Cavusoglu in Ankara.\n\n“We will respond firmly,” the Russian "
        "minister said.",
        "We will respond",
        "Sergei Lavrov",
    ),
    (
        "the owner of 'comments' after a preposition said the words",
        "In reply to State Department spokesperson Ned Price's comments that ties need "
        "“guard rails”, Zhao said the approach was wrong.",
        "guard rails",
        "Ned Price",
    ),
    (
        "a role 'for' a body, then the name, in an apposition after the quote",
        "“We will respond firmly,” the spokeswoman for the Russian Foreign Ministry, Maria "
        "Zakharova, said.",
        "We will respond",
        "Maria Zakharova",
    ),
    (
        "'in his words' before the quote, the person named after it",
        "In his words, “the West has declared a total war on us.” Lavrov said this on Monday.",
        "the West has",
        "Sergei Lavrov",
    ),
    (
        "less common verbs of speech report speech too",
        "“We will respond firmly!” exclaimed Zakharova. Peskov disclosed that talks were "
        "“going on in secret.”",
        "We will respond",
        "Maria Zakharova",
    ),
    (
        "of two spokesmen, the role's other words ('Kremlin') say which",
        "Kremlin spokesman Dmitry Peskov and Foreign Ministry spokeswoman Maria Zakharova "
        "commented.\n\n“Nothing has changed,” the Kremlin spokesman said.",
        "Nothing has",
        "Dmitry Peskov",
    ),
    (
        "'his Russian counterpart' is the counterpart named with that country",
        "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov.\n\n“Our ties "
        "are rock solid,” his Russian counterpart said.",
        "Our ties",
        "Sergei Lavrov",
    ),
    (
        "a role of a country goes to the one person of that country before the last speaker",
        "Putin spoke with Macron by phone.\n\n“You are making a mistake,” Macron told him.\n\n"
        "“We will not back down,” the Russian president replied.",
        "We will not",
        "Vladimir Putin",
    ),
    (
        "a definite role with no one speaking yet is whom a pronoun there would mean",
        "Vladimir Putin held a meeting. “We will respond firmly,” the head of state said.",
        "We will respond",
        "Vladimir Putin",
    ),
    (
        "a role in a lede, before anyone is named, is the person named next",
        "“We will respond firmly,” the deputy minister said. Ryabkov spoke to RIA Novosti.",
        "We will respond",
        "Sergei Ryabkov",
    ),
    (
        "a participle after a verb that reports nothing takes the sentence's subject",
        "Speaking through an interpreter, Lavrov struck similar notes, saying the two countries "
        "had “serious differences” that talks could narrow.",
        "serious differences",
        "Sergei Lavrov",
    ),
    (
        "a participle after 'before' or 'while' continues the sentence's subject",
        "Lavrov dismissed the report on Tuesday, before adding: “It is pure fiction.”",
        "It is pure",
        "Sergei Lavrov",
    ),
    (
        "'according to' names a source: a participle later in the sentence is the subject's",
        "According to the Guardian, Lavrov scolded his British counterpart, asking at one point: "
        "“Who are you to lecture me?”",
        "Who are you",
        "Sergei Lavrov",
    ),
    (
        "'X, who ... the U.S., said': a relative clause may hold an abbreviation's stops",
        "The minister spoke in Beijing.\n\nQin, who once served as ambassador to the U.S., said "
        "Americans he met were “friendly, kind and sincere”.",
        "friendly, kind",
        "Qin Gang",
    ),
    (
        "'the 51-year-old said' is the person the text has just named",
        "The report drew a sharp reply from Hua.\n\n“It is a script for the Oscars,” the "
        "51-year-old said.",
        "It is a script",
        "Hua Chunying",
    ),
    (
        "', and said:' gives the sentence's subject, a role resolved as a clause's would be",
        "Mr Putin leaned into the microphone. “You are thinking a long time,” Lukyanov said.\n"
        "The Russian leader then smiled, and said: “I did it on purpose.”",
        "I did it",
        "Vladimir Putin",
    ),
    (
        "a role keeps meaning the speaker who spoke last, however long ago named",
        "“We regret it,” Nebenzia said after the vote. "
        + "The draft failed with seven votes against and four abstentions. " * 12
        + "“The Council risks becoming a threat to peace,” the Russian ambassador stated.",
        "The Council risks",
        "Vasily Nebenzia",
    ),
    (
        "a body's statement speaks for the body",
        "A White House statement said the leaders had “a candid and constructive” exchange.",
        "a candid",
        "White House",
    ),
    (
        "the dot of an abbreviation opens no sentence: a title after 'U.S.' is no new subject",
        "Peskov noted that no talks with U.S. President Donald Trump were planned. He stated: "
        "“Contacts can be arranged quickly.”",
        "Contacts can",
        "Dmitry Peskov",
    ),
    (
        "a reporting verb's particle is part of the verb: '“...,” X pointed out.'",
        "“The sanctions have failed,” Lavrov pointed out.",
        "The sanctions",
        "Sergei Lavrov",
    ),
    (
        "a term belongs to the nearest reporting verb before it, as a whole quote does",
        "Sergei Lavrov said on Monday that Antony Blinken had called the talks “useful”.",
        "useful",
        "Antony Blinken",
    ),
    (
        "verbs of naming report words: 'referred to X as “...”', 'touted “...”'",
        "Vladimir Putin referred to the regions as “historic lands,” while Dmitry Peskov "
        "touted “excellent” ties with Beijing.",
        "historic lands",
        "Vladimir Putin",
    ),
    (
        "each of two speakers in one sentence keeps the words after their own verb",
        "Vladimir Putin referred to the regions as “historic lands,” while Dmitry Peskov "
        "touted “excellent” ties with Beijing.",
        "excellent",
        "Dmitry Peskov",
    ),
    (
        "an outlet's acronym stands for the name the text spelt out first",
        "The Associated Press counted the votes overnight. “The count shows a narrow lead,” "
        "the AP said.",
        "The count",
        "Associated Press",
    ),
    (
        "'the report' says what the outlet that reported it says",
        "The call was reported by Reuters. “Both sides described the call as useful,” the "
        "report states.",
        "Both sides",
        "Reuters",
    ),
    (
        "a title with 'Press' in it names a person, not an outlet",
        "“We are ready to talk,” White House Press Secretary Karine Jean-Pierre said.",
        "We are ready",
        "Karine Jean-Pierre",
    ),
    (
        "an outlet that reported someone's words is no speaker of them",
        "“We will respond,” Sergei Lavrov said on Monday, Reuters reported.",
        "We will respond",
        "Sergei Lavrov",
    ),
    (
        "'it said' is the body that opens the sentence before, never a person",
        "The White House gave no details of the call with Xi Jinping. “The call was "
        "productive,” it said in a statement.",
        "The call",
        "White House",
    ),
    (
        "a participle's subject may be a body that opens the sentence",
        "China's foreign ministry hit back on Sunday, accusing him of “spreading lies”.",
        "spreading lies",
        "Chinese Foreign Ministry",
    ),
    (
        "a Chinese family name after an English given name stands for the full name later",
        "Huawei executive Michael Liu Wenhao replied on Thursday.\n\n“Agreed. We can do "
        "that!” Liu wrote in his post.",
        "Agreed",
        "Michael Liu Wenhao",
    ),
    (
        "a permanent representative to the UN is his country's ambassador, however far back",
        "Russia's permanent representative to the UN Vasily Nebenzia voted against the draft. "
        + "The draft failed with seven votes against and four abstentions. " * 12
        + "“We regret the vote,” the Russian ambassador said.",
        "We regret",
        "Vasily Nebenzia",
    ),
    (
        "words after 'X's remarks that' are X's until the clause closes at a comma",
        "Mao Ning said Joe Biden's remarks that the U.S. “seeks competition, not conflict” with "
        "China, “did not help build trust between our countries.”",
        "seeks competition",
        "Joe Biden",
    ),
    (
        "the words after the comma that closes 'X's remarks that ...' are the subject's again",
        "Mao Ning said Joe Biden's remarks that the U.S. “seeks competition, not conflict” with "
        "China, “did not help build trust between our countries.”",
        "did not help",
        "Mao Ning",
    ),
    (
        "'was asking' is active: the subject asks the question",
        "Vladimir Putin met pupils at the ceremony. He was asking a nine-year-old boy: “Where "
        "does Russia's border end?”",
        "Where does",
        "Vladimir Putin",
    ),
    (
        "a participle opening the sentence modifies the main clause's subject after its comma",
        "Lavrov met Miliband in London.\n\nDescribing the talks as “a waste of everyone's "
        "time”, Russian Foreign Minister Sergei Lavrov left the hall.",
        "a waste",
        "Sergei Lavrov",
    ),
    (
        "'the journalist' is the one the text is on, not an official named with a title",
        "Russian Foreign Minister Sergei Lavrov met his British counterpart David Miliband. "
        "Andrew Porter of the Daily Telegraph wrote that the call was tense.\n\n"
        "Describing Lavrov as “a veteran of the old school”, the journalist quoted a report.",
        "a veteran",
        "Andrew Porter",
    ),
]


@pytest.mark.parametrize(("rule", "text", "opening", "speaker"), CASES, ids=[c[0] for c in CASES])
def test_attribution(rule: str, text: str, opening: str, speaker: str) -> None:
    assert speaker_key(speaker_of(text, opening)) == speaker_key(speaker), rule


def test_a_role_with_no_holder_nearby_names_no_one_later_on() -> None:
    """A role reaches forward only into the next paragraph: a namesake of the role far below
    is another story."""
    filler = "\n\n".join(["The talks went on for hours and covered trade and security."] * 3)
    text = (
        "Russia's ambassador accused the U.S. of “whipping up hysteria” about the troops."
        f"\n\n{filler}\n\nLater, Russian Ambassador Vasily Nebenzia left the chamber."
    )
    assert speaker_of(text, "whipping up") == ""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Foreign Minister Sergei Lavrov met spokeswoman Maria Zakharova on Monday. Lavrov "
            "left early. “We are ready,” she said.",
            "Maria Zakharova",
        ),
        (
            "Maria Zakharova met Sergei Lavrov on Monday. Lavrov spoke first. “We are ready,” "
            "she said.",
            "Maria Zakharova",
        ),
        (
            "Maria Zakharova met Sergei Lavrov. Lavrov spoke first. “We are ready,” he said.",
            "Lavrov",
        ),
        ("Mao Ning met Wang Yi. Wang spoke first. “We are ready,” she said.", "Wang Yi"),
    ],
)
def test_a_pronoun_means_someone_of_its_gender_where_the_text_shows_it(
    text: str, speaker: str
) -> None:
    """'she' skips the last speaker when the text shows him a man ("Lavrov", "Mr") and names a
    woman ("spokeswoman", "Zakharova") nearby; names that show no gender (Chinese names) leave
    the last speaker as he was."""
    assert speaker_key(speaker_of(text, "We are ready")) == speaker_key(speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Peskov gave a firm no. “I am not familiar with the work of this group.”", "Peskov"),
        (
            "In an interview with RIA Novosti, Lavrov was blunt. “The West has declared war on "
            "us.”",
            "Sergei Lavrov",
        ),
        (
            "The question went to Dmitry Peskov on Tuesday.\n\n“I am not familiar with the work "
            "of this group.”",
            "Dmitry Peskov",
        ),
        ("Dmitry Peskov smiled at the question: “I am not familiar with it at all.”", "Peskov"),
        (
            "Putin met Xi in Moscow. Xi thanked his host. “Change is coming to the world.”",
            "Xi Jinping",
        ),
        # an object of the quote's own sentence is whom the words are about, not who said them
        ("Describing Lavrov as “a veteran not known for diplomatic niceties”, he left.", ""),
        # "U.S." ends no sentence: the subject is the position, not the president
        (
            "The position of the new U.S. President, Donald Trump, “gives some hope for "
            "better relations.”",
            "",
        ),
    ],
)
def test_a_quote_no_clause_attributes_follows_the_subject_before_it(
    text: str, speaker: str
) -> None:
    """With no reporting clause, a quote is the words of the subject of the sentence before it
    (or of its own sentence, before a colon), or of the one person that sentence names."""
    (quote,) = extract_quotes(Document(doc_id="d", text=text, lang="en"))
    assert speaker_key(quote.speaker) == speaker_key(speaker)


def test_a_name_a_clause_takes_as_subject_is_a_person_wherever_the_text_names_it() -> None:
    """ "Blinken said" later on makes the earlier "Blinken disagreed." a new subject, so "he"
    after it is Blinken, not Lavrov who spoke last; a place that "said" something is no one."""
    text = (
        "Lavrov met Blinken in Geneva on Friday.\n\n“The talks were frank,” Lavrov said.\n\n"
        "Blinken disagreed. “There was no progress at all,” he said. “It was a waste of time,” "
        "Blinken said later."
    )
    assert speaker_of(text, "There was no") == "Blinken"
    text = "Moscow said the talks failed. Moscow was calm. “We are ready,” he said."
    assert speaker_of(text, "We are ready") == ""


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "Putin met Biden in Geneva. Critics called the summit “a big step back for human "
            "rights in Russia”.",
            "a big step",
        ),
        (
            "Demonstrators gathered outside the Kremlin. Putin was not there. “Russia without "
            "Putin!” the crowd chanted.",
            "Russia without",
        ),
        (
            "Lavrov spoke for an hour. A senior official, who asked not to be named, said: “The "
            "minister was furious about the leak.”",
            "The minister",
        ),
        (
            "Peskov declined to comment.\n\nAn unnamed Kremlin source told Reuters: “The decision "
            "has been taken already.”",
            "The decision",
        ),
        (
            "Putin signed the decree on Monday. The document states that “all reservists are "
            "subject to call-up”.",
            "all reservists",
        ),
        (
            "Lavrov met Blinken. A State Department official declined to give details, saying "
            "that it “would not help the talks”.",
            "would not help",
        ),
        (
            "U.S. President Joe Biden and Xi Jinping spoke for two hours, and the tone was "
            "“candid and constructive”, a senior official of the administration told reporters.",
            "candid",
        ),
        (
            "Qin Gang met the press. A spokesman for the Chinese Embassy in Washington said the "
            "report was “false and malicious from start to end”.",
            "false and",
        ),
        (
            "Mao Ning replied in response to a senior U.S. official's comment that there is no "
            "reason for China “to overreact to the visit this week.”",
            "to overreact",
        ),
        (
            "Maria Zakharova took a phone call during the briefing and was asked “not to "
            "comment at all” on the strike.",
            "not to comment",
        ),
        (
            "Blinken met Xi on Monday. “The talks were useful,” it said in a statement.",
            "The talks",
        ),
        (
            "Qin Gang's language defied hopes that China would drop its “wolf warrior” rhetoric "
            "at last. The meeting of the legislature went on all week in the capital, and the "
            "delegates voted on the budget, the plan and the new laws before the closing day. "
            "“The policy has deviated from the track,” Qin said.",
            "wolf warrior",
        ),
    ],
)
def test_words_told_by_someone_drift_cannot_name_go_to_no_one(text: str, opening: str) -> None:
    """A quote its own sentence gives to an unnamed speaker (critics, a crowd, an official who
    asked not to be named, a source of the Kremlin) is nobody's drift can name, not the words
    of the person named before."""
    assert speaker_of(text, opening) == ""
