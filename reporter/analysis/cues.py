"""Stage 2 of attribution: the cue vocabulary, held as data.

Which words report speech, which name a listener rather than a speaker, which frame a
quotation ("according to", "in the words of"), which make speech hypothetical, and which
words are titles, honorifics or role nouns. The readers (spans, mentions, quotes, sources)
look words up here instead of each keeping a list in its branches; adding a verb or a title
is a one-word change to a table.
"""

from __future__ import annotations

# Verbs that report speech or writing, in the forms news text uses.
SPEECH_VERBS = frozenset("""
said says say told tells added adds noted notes highlighted highlights wrote writes explained explains stated states asked
warned warns argued argues insisted insists continued continues concluded concludes declared declares
acknowledged acknowledges admitted admits observed observes remarked remarks replied replies responded
responds commented comments emphasized emphasised emphasizes emphasises stressed stresses reported reports
indicated indicates announced announces recalled recalls cautioned cautions urged urges posted tweeted
predicted predicts conceded concedes confirmed confirms claimed claims suggested suggests recounted
maintained maintains countered counters contended contends affirmed affirms
estimated estimates calculated calculates found finds revealed reveals published publishes
vowed vows pledged pledges promised promises joked jokes quipped quips lamented laments complained complains
boasted boasts recommended recommends reiterated reiterates exclaimed pleaded pleads assured assures
alleged alleges testified testifies underlined underlines underscored underscores
opined opines mused muses retorted retorts asserted asserts
""".split())
# Of those, the ones that report nothing before "to": "the bank continues to face …", "added to the
# pressure" (while "said to reporters" and "explained to them" still report speech).
NOT_SPEECH_BEFORE_TO = frozenset("continue continues continued add adds added".split())
# Documents that speak for the body that issued them: "said a statement from the ministry",
# "according to a statement by Acme", "the statement said" (the body that issued it).
DOCUMENT_NOUNS = frozenset("statement release communique communiqué announcement notice".split())
# The verbs by which an article reports what someone said, as it goes on in its own voice ("she
# added that …"), and which end a line that introduces a quotation ("…, Jane Doe, said" over "“…").
REPORTING_VERBS = frozenset("said says added adds told tells explained explains stated states continued continues "
                            "commented comments".split())
# What a headline or a page's header says the page is ("Press Briefing by …", "Remarks by …").
HEADLINE_NOUNS = DOCUMENT_NOUNS | frozenset("remarks readout briefing interview transcript speech message".split())
# Nouns that make "the force said", "the board said" a body's words, beside text.ORG_NOUNS_LOWER.
# Second words of an office's remit, after its first ("Minister of Foreign Affairs", "Secretary for
# Health Services"): no one's surname.
REMIT_WORDS = frozenset("affairs relations development trade security services service care health education justice "
                        "finance defence defense transport environment energy labour labor industry agriculture housing "
                        "culture policy planning resources works".split())
BODY_NOUNS = frozenset("force board party organisation organization foundation federation administration".split())
# Of those, the ones a body uses to publish a fact rather than to speak.
REPORT_VERBS = frozenset("""reported reports indicated indicates announced announces published publishes
estimated estimates calculated calculates found finds revealed reveals""".split())
# After these the next name is the listener: "told Reuters", "asked the minister".
AUDIENCE_VERBS = frozenset("told tells asked asks urged urges".split())
# Verbs that put a partial quote in someone's mouth without being reporting verbs everywhere:
# "called the ruling "a win"", "described it as "…"", "…, writing that "…"".
LEAD_VERBS = frozenset("called calls described describes writing saying adding telling dismissed dismisses branded hailed hails "
                       "brands labelled labeled labels termed terms commended commends praised praises welcomed welcomes "
                       "agreed agrees expressed expresses voiced voices".split())  # "expressed her “great pain”"
# "As Jane Doe put it", "as Jane Doe herself described it:": the verbs that frame a quotation
# so; "In his words:": the possessives that frame one, and the pronoun each stands for.
FRAMING_VERBS = frozenset("put puts described describes said says wrote writes".split())
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# Participles that end an introducing line as a speech verb does: "Jane Doe welcomed the news, saying:".
INTRO_PARTICIPLES = frozenset("saying adding explaining noting stressing warning commenting declaring stating".split())
# Words before a speech verb that make the speech hypothetical or negated: no one said it.
HYPOTHETICAL = frozenset("would could might should never not didn't didn’t won't won’t wouldn't wouldn’t".split())
# Words right before a quoted passage that make it a term, a name or a title, not speech:
# "the so-called “peace dividend”", "a scheme dubbed “Project Fear”", "a report titled “…”".
NOT_SPEECH_BEFORE = ("so-called", "so called", "dubbed", "known as", "nicknamed", "the term", "the word",
                     "the phrase", "the slogan", "titled", "entitled", "headlined", "hashtag", "the motto")
# Small words a title of a work may leave in lower case ("The Lord of the Rings").
TITLE_SMALL_WORDS = frozenset("a an the and or of in on for to at by with from as but nor vs".split())
# Framing phrases that name the speaker of what follows, as token sequences.
# Framings that hand over a whole statement on a line of its own ending in a colon, with no
# speech verb: "The following is attributable to the spokesperson:". Everything after it, up to
# boilerplate, is the statement, in the first person or not (a readout is in the third).
STATEMENT_FRAMES = (("attributable", "to"), ("on", "behalf", "of"), ("as", "stated", "by"), ("this", "statement"),
                    ("following", "statement"))
# Verbs that hand over a statement written out after them: "Jane Doe released the following
# statement.", "Spokesperson Jane Doe provided the following readout:" (a readout is in the third
# person, and the spokesperson who gives it is its speaker).
STATEMENT_VERBS = frozenset("released issued gave made delivered provided highlighted outlined stressed raised "
                            "underlined emphasised emphasized".split())
# What such a verb hands over ("the following readout"), unlike "made the following changes:".
STATEMENT_NOUNS = frozenset("statement statements readout readouts remarks comments comment update message response address speech "
                            "announcement declaration points topics messages issues".split())
FRAMES = (("according", "to"), ("in", "the", "words", "of"), ("quoting",), ("quoted",)) + STATEMENT_FRAMES

# Transcript labels that mark a question from the floor, and the speaker such a turn is given:
# the questioner is not named, so the turn is "a reporter"'s, as the truth files write it.
QUESTION_LABELS = frozenset("q question questioner reporter audience member journalist".split())
REPORTER = "a reporter"
# Roles of the one who asks, not the one quoted: "he spoke to reporter Jane Roe", then "“…,” he
# says" is the interviewee's (so a pronoun passes over her to the person before).
LISTENER_ROLES = frozenset("reporter correspondent journalist interviewer presenter anchor".split())

# Words of a heading that make the article a transcript, where one labelled turn ("MR DOE: …")
# is enough to read the labels as speakers.
TRANSCRIPT_HEADINGS = ("briefing", "remarks", "transcript", "press conference", "news conference", "media conference",
                       "doorstop", "interview", "media availability", "press availability", "teleconference",
                       "telebriefing", "press call", "media call", "roundtable",
                       "hearing", "testimony", "q&a")
# Of those, the headings of a briefer facing reporters, whose unnamed voices are the floor's.
FLOOR_HEADINGS = ("briefing", "press conference", "news conference", "media conference", "press availability",
                  "media availability", "doorstop")

# Phrases that end a transcript turn by handing the floor to someone, who speaks next even when
# the transcript lost their label: "With that, over to you, Mr. Secretary."
HANDOVERS = ("over to you", "turn it over to", "turn over to", "hand it over to", "hand over to", "pass it to",
             "with that,")

# How a briefer gives the floor to a reporter by name, the last short sentence of a turn ("With
# that, Jane.", "Go ahead, Jane.", "We'll go with Jane from the Daily Post"): the questions that
# follow are hers until the floor is given again. A hand-over with no name ("Go ahead.") gives it
# to someone the transcript does not name.
FLOOR_OPENERS = ("with that", "go ahead", "yes", "yeah", "sure", "please", "next", "okay", "ok", "all right",
                 "let's go to", "let's go with", "we'll go to", "we'll go with", "we will go to", "we will go with",
                 "i'll go to", "i'll go with", "i'll take", "over to", "back to", "next question")
# A briefer's words that run the room, not the news: no summary item opens with them ("Very good
# afternoon to all of you.", "I don't have too much to pass along at the top.").
FLOOR_TALK = ("good morning", "good afternoon", "good evening", "very good morning", "very good afternoon",
              "very good evening", "hello", "hi everyone", "thank you", "thanks", "welcome", "i don't have too much",
              "i don't have much", "i don't have anything", "i have nothing", "i'd be glad to take", "i'd be happy to take",
              "i will be happy to take", "i'm happy to take", "happy to take", "let me start", "let me begin",
              "with that", "all right", "okay", "so, ", "sorry to be late", "good to see", "nice to see",
              "my question", "my first question", "my second question", "my next question", "my last question",
              "my follow-up", "a follow-up", "i have a question", "i have two questions", "just a follow-up")
FLOOR_NOT_NAMES = frozenset("sir ma'am madam everyone everybody all thanks thank please folks guys the".split())
MAX_FLOOR_WORDS = 10

# Marks that open a byline paragraph naming who spoke the quotation just before it:
# "“…”" then "— Jane Doe, Minister for the Environment".
BYLINE_DASHES = ("—", "–", "―", "-", "~")  # "~Jane Doe, Premier" signs a quotation too
MAX_BYLINE_CHARS = 200

# Titles that make the article one person's statement ("Statement by Minister Jane Doe on …"): a
# quotation in it that no cue attributes is that person's.
# Titles that make the text one person's speech ("Remarks by President Jane Doe at …"): its
# paragraphs in the first person are hers, as a statement's are.
SPEECH_TITLES = ("remarks by ", "remarks of ", "speech by ", "address by ", "opening remarks by ", "press remarks by ",
                 "keynote speech by ", "keynote address by ", "testimony by ", "testimony of ", "testimony as delivered by ",
                 "testimony as prepared for delivery by ", "remarks as delivered by ", "remarks as prepared for delivery by ",
                 "as prepared for delivery by ",
                 "prepared remarks of ", "prepared remarks by ", "prepared remarks for ", "remarks prepared for delivery by ",
                 "speech prepared for delivery by ", "address prepared for delivery by ", "delivered by ",
                 "as delivered by ")
STATEMENT_TITLES = ("statement by ", "statement from ", "statement of ", "press statement by ") + SPEECH_TITLES
# Words that say what kind of statement it is, or where it was made, between its owner's name
# and the word "Statement" ("Minister Jane Doe Dáil Statement on …", "Jane Doe Budget Statement"):
# no part of the name.
STATEMENT_KINDS = ("Dáil", "Seanad", "Commons", "Lords", "Senate", "Assembly", "Parliamentary", "Plenary",
                   "Floor", "Budget", "Ministerial", "Oral", "Written", "Press", "Joint", "Opening", "Closing",
                   "Keynote", "Video", "Televised")

# What tells a person's gender in news text, so that "she said" is not given to a man: the
# pronouns, the honorifics and the gendered nouns of roles. Anything else says nothing.
MASCULINE = frozenset("he him his himself mr sir lord king prince father brother son husband spokesman chairman "
                      "congressman councilman businessman sportsman".split())
FEMININE = frozenset("she her hers herself ms mrs miss madam madame dame lady queen princess mother sister daughter "
                     "wife spokeswoman chairwoman congresswoman councilwoman businesswoman sportswoman".split())

FIRST_PERSON = frozenset("I I'm I’m I've I’ve I'd I’d I'll I’ll me my My mine we We we're We're we’re We’re we've "
                         "We've we’ve We’ve we'll We'll we’ll We’ll us our Our ours you You your Your".split())
PRONOUNS = frozenset("he she they i we".split())
ADVERBS = frozenset("also later then further previously recently earlier separately once again today yesterday tonight".split())

# Words before a noun that make a word it shares with a verb the noun ("his remarks", "the
# statement said"): the articles, and with the possessives and demonstratives the determiners.
ARTICLES = frozenset("a an the".split())
DETERMINERS = ARTICLES | frozenset("its their our his her my your these those".split())

# Generational suffixes that end a person's name: "Harold J. Baines III", "Martin Luther King Jr."
NAME_SUFFIXES = frozenset("II III IV Jr Jr. Sr Sr.".split())
# Words of the land and the town that end a place's name and no one's ("the Rift Valley", "Beekman
# Place"; "Bay", "Lake", "Lane", "Park", "Rivers" are left out: they are surnames too, and "Street":
# "a Downing Street spokesman" speaks for the office it names).
PLACE_FEATURES = frozenset("""valley peninsula canyon basin delta ocean sea strait gulf desert plateau highlands
lowlands mountains island islands coast county province prefecture region district avenue road place
square boulevard""".split())
# Letters after a name that are an office or an honour, no part of the name: "Jane Doe MP, Minister
# for Roads, said:" is Jane Doe.
POSTNOMINALS = frozenset("MP MEP MSP MLA MS AM TD MLC MHA QC KC OBE CBE MBE KBE DBE FRS PhD QPM KPM CMG KCMG GCMG KCB CB".split())

# Degrees written after a name and a comma, with full stops ("Jane Doe, Ph.D., director of …").
DEGREES = frozenset("PhD MD DPhil EdD JD DDS DVM MBA MPH DrPH MSc".split())
# Lower-case words before a title that belong to it: "said former Deputy Mayor Ines Calder".
# Words that make a title another office: "the President" is not the Vice President, and
# "the deputy First Minister" is not the First Minister.
OTHER_OFFICE_WORDS = frozenset("vice deputy assistant associate under former ex".split())
ROLE_MODIFIERS = frozenset("former retired acting outgoing incoming interim then".split())
# Honorifics are courtesy, not roles: "Dr. Ahmed Khan" has no role from "Dr".
HONORIFICS = frozenset("dr mr mrs ms miss mx madam madame prof sir dame lord lady rev hon rt honourable honorable "
                       "baroness baron".split())
# Of those, the peerages that stand with a surname as the name itself: "Lord Halden said" is Lord Halden.
PEERAGES = frozenset("lord lady baroness baron".split())
# Words a unit number follows inside a title: "FEMA Region 6 Administrator Jane Doe".
NUMBERED_UNITS = frozenset("region district ward division zone unit sector".split())
# Capitalised title words that, before a name, make a role: "NASA Deputy Administrator Jane Doe".
TITLES = frozenset("""
mate president vice prime minister pm secretary sec director director-general deputy commander general chief supervisor
professor prof senator sen governor gov mayor ambassador judge justice chairman chair administrator
chairwoman chairperson ceo cfo coo cto commissioner envoy representative rep congressman congresswoman king
queen prince princess pope archbishop bishop cardinal colonel col major captain capt lieutenant lt sergeant
sgt admiral inspector superintendent attorney spokesman spokeswoman spokesperson chancellor premier
lawmaker councillor councilor sheikh emir sultan rabbi imam reverend father sister brother
president-elect minister-designate executive officer officer head founder co-founder economist analyst
footballer player coach researcher scientist professor-emeritus mp mep msp mla treasurer undersecretary
under-secretary surgeon controller comptroller auditor registrar provost dean rector principal
commissioner-general sheriff marshal solicitor advocate counsel counselor counsellor adviser advisor manager editor leader coordinator forester ranger warden curator whip postmaster postmistress
gen adm amb cmdr maj brig supt insp agent constable
private pvt pfc specialist spc corporal cpl lcpl ssg sfc msg sgm csm cpt ltc airman seaman ensign ens cadet
midshipman trooper petty warrant class hr member taoiseach tánaiste tanaiste
""".split())
# Title words that are also surnames: "Julie Bishop", "Chairman Rob Bishop", "Senator Ann King".
SURNAME_TITLES = frozenset("bishop king major judge marshal dean prior chancellor sheriff".split())
# Abbreviated titles and the word a role spells out: "Gov. Jane Doe said" has the role "Governor".
TITLE_ABBREVIATIONS = {"pm": "Prime Minister", "sec": "Secretary", "sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
                       "adm": "Admiral", "amb": "Ambassador", "lt": "Lieutenant", "col": "Colonel",
                       "capt": "Captain", "sgt": "Sergeant", "cmdr": "Commander", "maj": "Major",
                       "brig": "Brigadier", "supt": "Superintendent", "insp": "Inspector",
                       # the armed forces' enlisted and officer ranks as US military news abbreviates them
                       "pvt": "Private", "pfc": "Private First Class", "spc": "Specialist", "cpl": "Corporal",
                       "lcpl": "Lance Corporal", "ssg": "Staff Sergeant", "sfc": "Sergeant First Class",
                       "msg": "Master Sergeant", "sgm": "Sergeant Major", "csm": "Command Sergeant Major",
                       "cpt": "Captain", "ltc": "Lieutenant Colonel", "ens": "Ensign", "atty": "Attorney", "asst": "Assistant"}
# Lower-case role nouns that make an appositive a role ("a senior lecturer at ...").
ROLE_NOUNS = TITLES | frozenset("""member lecturer author leader negotiator expert adviser advisor spokesperson
official economist analyst researcher scientist head manager founder partner fellow student teacher
lawyer doctor engineer activist journalist editor reporter correspondent candidate commander chief
director minister secretary president chair owner resident farmer worker defender diplomat envoy campaigner
writer photographer designer filmmaker organiser organizer volunteer consultant surgeon nurse pilot
moderator operator host presenter anchor interviewer statistician ombudsman coroner librarian archivist actuary""".split())
# Nouns for who someone is rather than an office, which describe a person named in commas after
# them ("a 15-year-old boy, Jane Roe,", "a woman in her 30s, Jane Roe, was pulled out").
PERSON_NOUNS = frozenset("""man woman boy girl child teenager mother father son daughter wife husband widow
widower survivor witness villager pensioner grandmother grandfather""".split())
# The voices a transcript labels by their part in it rather than by name ("STAFF:", "MODERATOR:").
LABEL_ROLES = frozenset("staff moderator operator host presenter anchor interviewer chair".split())
SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman representative".split())

# Paragraph starts that are the article's own voice or boilerplate, never an introduced quote.
NARRATIVE_STARTS = ("Source:", "Sources:", "Notes to editors", "Note to editors", "Media enquiries", "Media contact", "ENDS", "Ends", "END ", "(END",
                    "Background", "About ", "For more information", "Further information", "Contact:", "Contacts",
                    "Contact us", "Contact information", "Contact details", "Contact the ")  # not "Contact tracing …"


def is_speech_verb(word: str) -> bool:
    return word in SPEECH_VERBS

# How a speaker names herself: "I am Jane Roe", "My name is Jane Roe", "This is Jane Roe" (a
# pattern's text, shared by the people found in a text and a transcript's role labels).
SELF_INTRO = r"(?:I am|I[’']m|[Mm]y name is|[Tt]his is)"
