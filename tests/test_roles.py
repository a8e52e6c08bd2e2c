"""People's roles (kg.extract.relations.titles, bare_titles): the job title before or around a
name, and the state or body it makes the holder lead."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels, relations


@pytest.mark.parametrize(("text", "wanted"), [
    # a bare head-of-state title set in the state by its possessive or a "where" clause
    ("The number of people from Chile's elite who have fled abroad is double the number who fled "
     "under his father, former President Jorge Ruiz.", ("Jorge Ruiz", "leaderOf", "Chile")),
    ("Hunger is spreading in Malawi, where President Bingu Phiri has declared a disaster.",
     ("Bingu Phiri", "leaderOf", "Malawi")),
    # a possessive on the head of state's own office, or on the titled person's own name
    ("Malawi's leader has defied his critics, and President Bingu Phiri said he would not step "
     "down.", ("Bingu Phiri", "leaderOf", "Malawi")),
    ("Malawi's Bingu Phiri has defied his critics, and President Phiri said he would not step "
     "down.", ("Bingu Phiri", "leaderOf", "Malawi")),
])
def test_a_bare_title_leads_the_state_the_sentence_sets_it_in(
        text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found


@pytest.mark.parametrize(("text", "unwanted"), [
    # a state that only acts in the sentence is context
    ("Chile launched air raids on the border on Tuesday, after President Rosa Vidal said talks "
     "had failed.", ("Rosa Vidal", "leaderOf", "Chile")),
    ("Fiji sent troops to the border on Monday, hours after Prime Minister Jone Lau warned of "
     "unrest.", ("Jone Lau", "leaderOf", "Fiji")),
    # a state's adjective on something else is context too
    ("The gunmen, former members of the Peruvian army, fired at guards outside the residence of "
     "President Jorge Ruiz.", ("Jorge Ruiz", "leaderOf", "Peru")),
    # a state's possessive on another of its people sets only that person in the state
    ("Iraq's foreign minister flew to Cairo on Monday to meet President Tom Hale.",
     ("Tom Hale", "leaderOf", "Iraq")),
    ("Chile's ambassador said the talks would resume after President Jorge Ruiz returned from "
     "Lima.", ("Jorge Ruiz", "leaderOf", "Chile")),
])
def test_a_bare_title_leads_no_state_the_text_only_mentions(
        text: str, unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert unwanted not in found, found


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a level of government before a title is left out of it, as the state is
    ("Federal Science Minister Tom Hale says the reactor is safe.",
     ("Tom Hale", "jobTitle", "Science Minister"), ("Tom Hale", "jobTitle", "Federal Science Minister")),
    ("The Federal Privacy Commissioner, Jane Roe, says doctors must comply.",
     ("Jane Roe", "jobTitle", "Privacy Commissioner"),
     ("Jane Roe", "jobTitle", "Federal Privacy Commissioner")),
    ("The Federal Agriculture Minister, Jane Roe, says the farm bill is unfair.",
     ("Jane Roe", "jobTitle", "Agriculture Minister"),
     ("Jane Roe", "jobTitle", "Federal Agriculture Minister")),
    # the state before the level is still the holder's
    ("Australia's Federal Treasurer Tom Hale says the budget is in surplus.",
     ("Tom Hale", "nationality", "Australia"), ("Tom Hale", "jobTitle", "Federal Treasurer")),
])
def test_a_level_of_government_is_no_part_of_a_title(
        text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found and unwanted not in found, found


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a title cut short before a name, as US wire copy writes it, is recorded spelled out
    ("The talks were useful, said Rep. Dana Whitfield, the chairman of the House Budget Committee.",
     ("Dana Whitfield", "jobTitle", "representative"), ("Dana Whitfield", "jobTitle", "Rep.")),
    ("Sen. Maria Okafor of Oregon voted against the farm bill on Tuesday.",
     ("Maria Okafor", "jobTitle", "senator"), ("Maria Okafor", "jobTitle", "Sen.")),
    ("Gov. Jim Hartley declared a state of emergency after floods hit Iowa.",
     ("Jim Hartley", "jobTitle", "governor"), ("Jim Hartley", "jobTitle", "Gov.")),
    ("Troops withdrew from the valley, Gen. Omar Haddad told reporters in Amman.",
     ("Omar Haddad", "jobTitle", "general"), ("Omar Haddad", "jobTitle", "Gen.")),
    # the tokenizer splits the full stop off some ("Capt" | "." | "Ann"): it ends no sentence
    ("Police Capt. Ann Moss said the suspect was arrested in Denver.",
     ("Ann Moss", "jobTitle", "captain"), ("Ann Moss", "jobTitle", "Capt")),
    ("Nobody was hurt in the blast, Sgt. Ray Ortiz of the Miami police said.",
     ("Ray Ortiz", "jobTitle", "sergeant"), ("Ray Ortiz", "jobTitle", "Sgt")),
    ("The suspect fled, said Lt. Col. Dana White, a spokeswoman for the US Army.",
     ("Dana White", "jobTitle", "lieutenant colonel"), ("Dana White", "jobTitle", "colonel")),
    ("Lt. Gen. Paul Reed commanded the troops in Kandahar.",
     ("Paul Reed", "jobTitle", "lieutenant general"), ("Paul Reed", "jobTitle", "general")),
])
def test_a_title_cut_short_is_spelled_out(
        text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found and unwanted not in found, found


def test_a_party_before_a_title_cut_short_is_still_the_holders() -> None:
    found = relations(facts_of("Republican Sen. Tom Hale told reporters in Texas the United States "
                               "would not pay."))
    assert ("Tom Hale", "memberOf", "Republican Party") in found
    assert ("Tom Hale", "jobTitle", "senator") in found


@pytest.mark.parametrize(("text", "wanted"), [
    # a relative clause on the noun apposed to a name says what the named person is or was
    ("The firm collapsed in 2009, according to Dana Whitfield, a rancher from Nevada who was a "
     "Greenpeace board member.", [("Dana Whitfield", "jobTitle", "board member"),
                                  ("Dana Whitfield", "memberOf", "Greenpeace")]),
    ("Omar Haddad, a lawyer from Amman who is a member of the Islamic Action Front, was detained.",
     [("Omar Haddad", "memberOf", "Islamic Action Front")]),
    ("Tom Hale, a farmer who was the chairman of the National Farmers Federation, died on Sunday.",
     [("Tom Hale", "jobTitle", "chairman"), ("Tom Hale", "leaderOf", "National Farmers Federation")]),
    ("Kenji Mori, a Japanese citizen who served as the vice president of Toyota, was questioned.",
     [("Kenji Mori", "jobTitle", "vice president"), ("Kenji Mori", "memberOf", "Toyota")]),
])
def test_a_relative_clause_on_an_apposition_says_what_the_person_is(
        text: str, wanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert all(w in found for w in wanted), found


@pytest.mark.parametrize(("text", "unwanted"), [
    # a clause that gives no title or body ties the person to nothing
    ("Li Wei, a retired teacher who became a friend of Jo Roe, spoke in Beijing.",
     ("Li Wei", "memberOf", "Jo Roe")),
    # the clause is on another noun than the one apposed to the name
    ("Ann Bell, a friend of the mayor who was a Greenpeace board member, spoke in Leeds.",
     ("Ann Bell", "memberOf", "Greenpeace")),
])
def test_a_relative_clause_on_another_noun_is_not_the_persons(
        text: str, unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert unwanted not in found, found


@pytest.mark.parametrize(("text", "wanted"), [
    # a body's board member is one of its members, with the post as the job title
    ("Qantas board member Ann Hill resigned on Monday.",
     [("Ann Hill", "jobTitle", "board member"), ("Ann Hill", "memberOf", "Qantas")]),
    ("Ravi Singh, a board member of Tata Steel, declined to comment.",
     [("Ravi Singh", "jobTitle", "board member"), ("Ravi Singh", "memberOf", "Tata Steel")]),
    ("Maria Costa is a board member at Oxfam in Geneva.",
     [("Maria Costa", "jobTitle", "board member"), ("Maria Costa", "memberOf", "Oxfam")]),
])
def test_a_board_member_is_a_member_with_a_title(text: str, wanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert all(w in found for w in wanted), found
    assert not any(r[1] == "leaderOf" for r in found), found


@pytest.mark.parametrize(("text", "wanted"), [
    # a sergeant's grade is part of the rank, spelled out or cut short
    ("The dead were named as Master Sergeant Tom Hale, 39, of Ohio and Staff Sergeant Ann Cole, 28, "
     "of Texas.", [("Tom Hale", "jobTitle", "Master Sergeant"), ("Ann Cole", "jobTitle", "Staff Sergeant")]),
    ("Staff Sgt. Luis Ortega was wounded in the blast near Kandahar.",
     [("Luis Ortega", "jobTitle", "Staff sergeant")]),
    ("Sergeant Major Kevin Doyle said the patrol had returned to its base in Helmand.",
     [("Kevin Doyle", "jobTitle", "Sergeant Major")]),
])
def test_a_sergeants_grade_is_part_of_the_rank(text: str, wanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert all(w in found for w in wanted), found


@pytest.mark.parametrize(("text", "member", "unled"), [
    # a field after "of" narrows a leading title: the holder is the body's, and leads no more of it
    ("Senior vice president and global head of security at Acme Corp, Brian Cole, said so.",
     ("Brian Cole", "memberOf", "Acme Corp"), ("Brian Cole", "leaderOf", "Acme Corp")),
    ("Kim Lee, the director of research at Hanbit Motors, said chips were scarce.",
     ("Kim Lee", "memberOf", "Hanbit Motors"), ("Kim Lee", "leaderOf", "Hanbit Motors")),
    ("Omar Said, the chief of operations at Oxfam, said aid had arrived in Gaza.",
     ("Omar Said", "memberOf", "Oxfam"), ("Omar Said", "leaderOf", "Oxfam")),
])
def test_a_field_after_a_title_narrows_the_post(
        text: str, member: tuple[str, str, str], unled: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert member in found and unled not in found, found


def test_a_body_after_of_is_led() -> None:
    found = relations(facts_of("Tom Hale, the head of Oxfam, said aid had arrived in Gaza."))
    assert ("Tom Hale", "leaderOf", "Oxfam") in found, found


@pytest.mark.parametrize(("text", "wanted"), [
    # a trade of WordNet's said of a person with "a": apposed, or after a copula, with its modifiers
    ("Before the storm, Rosa Delgado worked for twelve years as a crop insurance adjuster in Fresno.",
     ("Rosa Delgado", "jobTitle", "crop insurance adjuster")),
    ("Hamid Karimi has been a locksmith since he left school, his neighbours say.",
     ("Hamid Karimi", "jobTitle", "locksmith")),
    ("Marta Silva, a 51-year-old hospital worker, told the court she had been threatened.",
     ("Marta Silva", "jobTitle", "hospital worker")),
    ("Investigators said Lars Eriksen was an electrician at the plant.",
     ("Lars Eriksen", "jobTitle", "electrician")),
])
def test_a_trade_said_of_a_person_is_their_job(text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found


@pytest.mark.parametrize(("text", "subject", "job"), [
    # a trade is written with its nouns, not with the adjectives that describe its holder; a
    # trade no longer held is marked as a title no longer held is ("former leader X")
    ("When the fire began, Dara Quinn, a nervous young lawyer, called the police.",
     "Dara Quinn", "lawyer"),
    ("Lena Vogt is a patient and careful upholsterer.", "Lena Vogt", "upholsterer"),
    ("By then Aiko Mori had become a former glazier.", "Aiko Mori", "former glazier"),
    ("Tomas Berg, now a retired roofer, lives in Bergen.", "Tomas Berg", "retired roofer"),
])
def test_a_trade_is_written_without_its_holders_adjectives(text: str, subject: str,
                                                           job: str) -> None:
    found = relations(facts_of(text))
    assert {f[2] for f in found if f[0] == subject and f[1] == "jobTitle"} == {job}, found


@pytest.mark.parametrize(("text", "subject"), [
    # a rank, a definite post, a relative, a pastime or unpaid help is no trade
    ("Yuki Sato was the first swimmer eliminated from the final.", "Yuki Sato"),
    ("Dieter Kramer, the league's leading goal kicker, will play again.", "Dieter Kramer"),
    ("Amara Diallo, a father of four, said the water had gone.", "Amara Diallo"),
    ("Priya Raman, a keen golfer, said the course was closed.", "Priya Raman"),
    ("Every weekend Ola Nilsen is a volunteer at the animal shelter.", "Ola Nilsen"),
])
def test_no_trade_is_read_from_a_rank_or_a_pastime(text: str, subject: str) -> None:
    found = relations(facts_of(text))
    assert not {f for f in found if f[0] == subject and f[1] == "jobTitle"}, found


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a participle that judges or dates the holder is no word of the post
    ("Oliver Mbeki, the embattled finance minister, refused to resign on Tuesday.",
     ("Oliver Mbeki", "jobTitle", "finance minister"),
     ("Oliver Mbeki", "jobTitle", "embattled finance minister")),
    ("Rosa Delgado, the newly appointed ambassador, arrived in Quito on Monday.",
     ("Rosa Delgado", "jobTitle", "ambassador"),
     ("Rosa Delgado", "jobTitle", "newly appointed ambassador")),
    # a word a hyphen joins to a noun or an adverb describes the person, not the office
    ("Kwame Boateng, a long-serving senator, voted against the budget.",
     ("Kwame Boateng", "jobTitle", "senator"), ("Kwame Boateng", "jobTitle", "serving senator")),
    ("The novel was praised by Ingrid Solberg, an award-winning journalist from Bergen.",
     ("Ingrid Solberg", "jobTitle", "journalist"),
     ("Ingrid Solberg", "jobTitle", "winning journalist")),
    # the title's own words and its qualifiers stay
    ("Priya Natarajan, the managing director of Tata Steel, said output would rise.",
     ("Priya Natarajan", "jobTitle", "managing director"), None),
    ("Hamid Sultani, the acting chief executive of Ariana Airlines, said flights would resume.",
     ("Hamid Sultani", "jobTitle", "acting chief executive"), None),
])
def test_an_epithet_is_no_part_of_the_title(
        text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str] | None) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found
    assert unwanted is None or unwanted not in found, found


@pytest.mark.parametrize(("text", "person"), [
    ("Investors trust Carlos Mendes, who is an unusually capable leader, analysts said.",
     "Carlos Mendes"),
    ("Aiko Tanaka is a very popular leader in her home town of Sendai.", "Aiko Tanaka"),
    ("Supporters say Musa Bello is a truly inspiring leader.", "Musa Bello"),
])
def test_a_graded_judgement_after_a_copula_is_no_title(text: str, person: str) -> None:
    found = relations(facts_of(text))
    assert not [r for r in found if r[0] == person and r[1] == "jobTitle"], found


@pytest.mark.parametrize(("text", "person"), [
    # a leader of a named body holds the post, however graded
    ("Board members say Lena Varga is a very strong leader of Orvano Bank.", "Lena Varga"),
    ("Critics concede Tomas Ruiz is a remarkably able leader of the Kestrel Party.", "Tomas Ruiz"),
])
def test_a_graded_leader_of_a_body_keeps_the_post(text: str, person: str) -> None:
    found = relations(facts_of(text))
    assert [r for r in found if r[0] == person and r[1] in ("jobTitle", "leaderOf")], found


@pytest.mark.parametrize(("text", "wanted"), [
    # every name listed after the plural of a post holds the post, where no body is named
    ("The league fined managers such as Pedro Alves, Hana Kowalski and Tariq Osei last week.",
     [("Pedro Alves", "jobTitle", "manager"), ("Hana Kowalski", "jobTitle", "manager"),
      ("Tariq Osei", "jobTitle", "manager")]),
    ("The agency tracked Wikileaks lawyers such as Maria Lopez and David Chen for months.",
     [("Maria Lopez", "jobTitle", "lawyer"), ("David Chen", "jobTitle", "lawyer")]),
    ("Several senators, including Ruth Okafor and Dale Whitcombe, voted against the budget.",
     [("Ruth Okafor", "jobTitle", "senator"), ("Dale Whitcombe", "jobTitle", "senator")]),
    # and every one belongs to the body that is named
    ("Officials from the Ministry of Health, such as Amara Diallo and Kofi Mensah, visited the "
     "clinic.", [("Amara Diallo", "memberOf", "Ministry of Health"),
                 ("Kofi Mensah", "memberOf", "Ministry of Health")]),
])
def test_a_list_after_the_plural_of_a_post(text: str, wanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert set(wanted) <= found, found


@pytest.mark.parametrize(("text", "unwanted"), [
    # a leader of no named body is no office; a name with its own title keeps that one
    ("World leaders including Maria Lopez and David Chen met in Geneva on Monday.",
     ("Maria Lopez", "jobTitle", "leader")),
    ("The board's directors, including chairman Kofi Mensah, sought large payouts.",
     ("Kofi Mensah", "jobTitle", "director")),
    # stars, fans and victims are no posts
    ("Stars like Maria Lopez and David Chen attended the premiere in Cannes.",
     ("Maria Lopez", "jobTitle", "star")),
])
def test_no_post_from_a_list_after_a_description(text: str, unwanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert unwanted not in found, found


@pytest.mark.parametrize(("text", "wanted"), [
    # an "-ing" word that names the post stays in the title
    ("Lena Fischer, the managing editor of the Daily Clarion, resigned on Friday.",
     ("Lena Fischer", "jobTitle", "managing editor")),
    ("The hearing was adjourned by Amos Reed, the presiding judge, until March.",
     ("Amos Reed", "jobTitle", "presiding judge")),
    ("Ray Burt, the commanding officer of the garrison, denied the report.",
     ("Ray Burt", "jobTitle", "commanding officer")),
    ("Dana Kim, the founding editor of the quarterly, died in Seoul aged 81.",
     ("Dana Kim", "jobTitle", "founding editor")),
])
def test_an_ing_word_of_the_post_stays_in_the_title(text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found, found


@pytest.mark.parametrize(("text", "person", "post"), [
    # a graded word in an apposition or on a real post is stripped; the post stays
    ("Sam Ortiz, a relatively junior minister, was sacked on Monday.", "Sam Ortiz", "minister"),
    ("Tom Hale, a hugely successful manager, joined Kestrel Rovers in June.", "Tom Hale",
     "manager"),
    ("Nadia Rahman is a highly regarded surgeon at the Karachi General Hospital.",
     "Nadia Rahman", "surgeon"),
])
def test_a_graded_word_before_a_post_is_stripped(text: str, person: str, post: str) -> None:
    found = relations(facts_of(text))
    assert [r for r in found if r[0] == person and r[1] == "jobTitle" and
            r[2].endswith(post)], found


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # the body before "such as" with no comma, or past one comma
    ("Officials from Hamas such as Maria Lopez and David Chen met in Cairo.",
     [("Maria Lopez", "memberOf", "Hamas"), ("David Chen", "memberOf", "Hamas")], []),
    ("Engineers at Siemens, such as Lars Berg and Eva Holm, signed the letter.",
     [("Lars Berg", "memberOf", "Siemens"), ("Eva Holm", "memberOf", "Siemens")], []),
    # a former post: written "former" in lower case, and no current member of the body
    ("Former presidents such as Jorge Ruiz and Ana Lima attended the funeral.",
     [("Jorge Ruiz", "jobTitle", "former president"), ("Ana Lima", "jobTitle", "former president")],
     [("Jorge Ruiz", "jobTitle", "Former president")]),
    ("Former Orvano Bank executives such as Maria Lopez and David Chen were charged.", [],
     [("Maria Lopez", "memberOf", "Orvano Bank"), ("David Chen", "memberOf", "Orvano Bank"),
      ("Maria Lopez", "memberOf", "Former Orvano Bank"),
      ("David Chen", "memberOf", "Former Orvano Bank")]),
    ("Ex-directors of Telvar Mining, including Kofi Mensah, were questioned by police.", [],
     [("Kofi Mensah", "memberOf", "Telvar Mining")]),
])
def test_a_list_after_a_plural_reads_its_body_and_its_tense(
        text: str, wanted: list[tuple[str, str, str]], unwanted: list[tuple[str, str, str]]) -> None:
    found = relations(facts_of(text))
    assert set(wanted) <= found, found
    assert not set(unwanted) & found, found


def test_each_listed_name_has_its_own_evidence_and_rule() -> None:
    text = "The league fined managers such as Pedro Alves and Hana Kowalski last week."
    facts = facts_of(text)
    names = labels(facts)
    found = [a for a in facts.attributes if a.predicate == "jobTitle"]
    assert {names[a.subject] for a in found} == {"Pedro Alves", "Hana Kowalski"}, found
    for fact in found:
        assert fact.evidence.rule == "posts-of-listed-names", fact
        assert names[fact.subject] in text[fact.evidence.start : fact.evidence.end], fact
