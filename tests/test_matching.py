"""Focused rules of the matcher, each on sentences written for the purpose."""
from __future__ import annotations

import pytest

from annotate import find_claims


def claims(text, refs, markdown=False):
    return find_claims(text, refs, markdown=markdown)


def ids(claim):
    return [b.id for b in claim.bans]


def cited(claim):
    return {(s.resolution, p) for b in claim.bans for s in b.sources for p in (s.paragraphs or (None,))}


# --- finding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea test-fired a missile in breach of U.N. Security Council resolutions.",
        "Pyongyang fired a missile, in contravention of UN sanctions.",
        "The launch came in defiance of Security Council resolutions on North Korea.",
        "North Korea flouted UN resolutions again by firing an ICBM.",
        "North Korea continues to defy the UN Security Council with its missile tests.",
        "Front companies helped North Korea evade UN sanctions on coal.",
        "Brokers circumvented U.N. sanctions to ship coal from North Korea.",
        "Such sales are illegal under UN sanctions on North Korea.",
        "Coal exports from North Korea are prohibited by United Nations resolutions.",
        "North Korea is barred by UNSC resolutions from testing ballistic missiles.",
        "North Korea's launch violated UNSCR 2397.",
        "The 1718 Committee said the deliveries to North Korea broke the rules of UN sanctions.",
        "Pyongyang kept selling coal despite UN sanctions.",
        "Fuel deliveries to North Korea exceeded the limits set by the Security Council.",
        "The transfers run counter to UN Security Council resolutions on North Korea, Seoul said.",
        "North Korea ignored the council's resolutions and launched again.",
        "Traders dodged U.N. sanctions by relabelling North Korean coal.",
        "The UN prohibits all member states from importing North Korean seafood.",
        "Buyers of North Korean coal run afoul of the United Nations coal export ban.",
        "The broker said the diesel it sold to North Korea was lawful under every UN rule.",
    ],
)
def test_cue_classes_are_found(refs, sentence):
    (claim,) = claims(sentence, refs)
    assert claim.text == sentence


@pytest.mark.parametrize(
    "variant",
    [
        "North Korea’s launch violated U.N. Security Council resolutions.",
        "NORTH KOREA'S LAUNCH VIOLATED U.N. SECURITY COUNCIL RESOLUTIONS.",
        "North Korea's launch violated U.N.\u00a0Security\u00a0Council resolutions.",
        "North Korea's launch violated U.N. Security\nCouncil resolutions.",
        "North Korea's launch is violating U.N. Security Council resolutions.",
        "North Korea's launches violate U.N. Security Council resolutions.",
        "North Korea’s ship‑to‑ship transfers violate UN sanctions.",
    ],
)
def test_typography_never_hides_a_claim(refs, variant):
    assert len(claims(variant, refs)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. Treasury said the company had evaded U.S. sanctions on North Korea.",
        "OFAC designated two banks that helped North Korea evade American sanctions.",
        "The EU adopted a new package of sanctions on North Korea, banning more exports.",
        "Britain and Japan added North Korean firms to their national sanctions lists.",
        "North Korea has been under UN sanctions since 2006.",
        "The Security Council will meet on Monday to discuss North Korea.",
        "Resolution 2397 was adopted unanimously in December 2017.",
        "Iran's missile tests violate UN Security Council resolution 2231, European officials said.",
        "Weapons reached Libya in violation of the UN arms embargo.",
        "The Houthis in Yemen defied a UN arms embargo, experts said.",
    ],
)
def test_not_claims(refs, sentence):
    assert claims(sentence, refs) == []


def test_abbreviations_do_not_end_sentences(refs):
    text = "Mr. Kim said the U.S. and the U.N. had been told. No. 3 on the list, the launch violated UN resolutions."
    (claim,) = claims(text, refs)
    assert claim.text.startswith("No. 3 on the list")


def test_quotes_spanning_sentences(refs):
    text = "“We saw the missile. It breached UN Security Council resolutions,” the minister said. Then he left."
    (claim,) = claims(text, refs)
    assert claim.text == "It breached UN Security Council resolutions,” the minister said."


def test_headline_and_bullets_are_their_own_sentences(refs, tmp_path):
    text = ("N. Korea fires missile\nSeoul says launch broke UN resolutions\n\n"
            "- Coal sales to North Korea's buyers violate UN sanctions\n- A second point\n")
    found = claims(text, refs)
    assert [c.text for c in found] == ["Seoul says launch broke UN resolutions",
                                      "Coal sales to North Korea's buyers violate UN sanctions"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_do_not_change_the_claims(refs, newline):
    # Wrapped copy from Windows (CRLF) or old Macs (CR) must read like Unix copy: a single line
    # break inside a sentence is not a paragraph break, whatever the line ending.
    text = ("Coal and iron\n\n"
            "Buying coal from North Korea has been banned under UN Security\n"
            "Council resolutions since 2017, the report says. Analysts agree that\n"
            "the trade is banned, and that\nit breaches UN resolutions.\n")
    found = claims(text.replace("\n", newline), refs)
    assert [c.text.replace(newline, "\n") for c in found] == [
        "Buying coal from North Korea has been banned under UN Security\nCouncil resolutions since 2017, the report says.",
        "Analysts agree that\nthe trade is banned, and that\nit breaches UN resolutions.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The cargo ship broke down near the port, and UN sanctions were not discussed.",
        "Pyongyang says the UN sanctions are illegal and violate its sovereignty.",
        "A UN report on human rights violations in North Korea was published on Monday.",
        "Russia blocked the UN panel that monitored violations of the sanctions.",
    ],
)
def test_violation_words_inside_phrases_about_something_else_are_no_cue(refs, text):
    assert claims(text, refs) == []


def test_a_not_violation_phrase_leaves_other_cues_standing(refs):
    text = "The tanker broke down after it had broken UN sanctions by carrying coal."
    (claim,) = claims(text, refs)
    assert [text[h.start : h.end] for h in claim.evidence if h.kind == "violation"] == ["broken"]


@pytest.mark.parametrize("markdown", [False, True])
def test_each_list_item_is_a_unit_of_its_own(refs, markdown):
    # The claim names no activity: the item before it is context, the item after it is not.
    items = ["Officials accused Moscow of buying ammunition from Pyongyang.",
             "Russia says it has never violated Security Council resolutions.",
             "Luxury cars reached Pyongyang this week."]
    for marker in ("- ", "* ", "1. "):
        if marker != "- " and not markdown:
            continue
        (claim,) = claims("\n".join(marker + i for i in items) + "\n", refs, markdown=markdown)
        assert claim.text == items[1]
        assert ids(claim) == ["dprk-arms-exports"]


def test_debris_is_not_read_as_part_of_a_sentence(refs):
    text = "Share this\nLeave a Reply\nNorth Korea fired a ballistic missile in violation of UN resolutions."
    (claim,) = claims(text, refs)
    assert claim.text.startswith("North Korea fired")


def test_back_reference_reaches_a_few_sentences(refs):
    text = ("The UN Security Council has passed many resolutions on North Korea. "
            "Pyongyang fired two missiles on Monday. Such launches are banned by the resolutions.")
    (claim,) = claims(text, refs)
    assert claim.text == "Such launches are banned by the resolutions."
    assert "dprk-ballistic-missile-launches" in ids(claim)


def test_a_pronoun_reaches_back_one_sentence_only(refs):
    # (A violation verb: a ban stated about an activity reaches the UN named anywhere before.)
    far = "UN resolutions cover North Korea. The weather was cold. The sea was rough. They evade them with coal sales."
    near = "UN resolutions cover North Korea. They evade them with coal sales."
    assert claims(far, refs) == []
    assert len(claims(near, refs)) == 1


def test_a_pronoun_may_follow_a_back_reference_to_the_un(refs):
    chain = "UN sanctions were first imposed in 2006. The measures were widened in 2017. They evade them by selling coal."
    broken = "UN sanctions were first imposed in 2006. The weather was cold. They evade them by selling coal."
    (claim,) = claims(chain, refs)
    assert claim.text == "They evade them by selling coal." and ids(claim) == ["dprk-coal-iron-exports"]
    assert claims(broken, refs) == []


def test_a_pronoun_counts_only_before_the_violation_word(refs):
    # "this summer" is no subject: the pronoun must be the one that violates or bans.
    after = "UN resolutions cover North Korea. Coal prices broke records this summer."
    before = "UN resolutions cover North Korea. This broke them, the envoy said."
    assert claims(after, refs) == []
    assert len(claims(before, refs)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Tankers moved diesel to North Korea in transfers that flout the UN fuel cap.",
        "The goods breach the United Nations ban on selling luxury items to North Korea.",
        "The importer is accused of skirting the UN prohibition on North Korean seafood.",
        "Letting him in would have flouted the world body's travel ban on North Korean bankers.",
    ],
)
def test_an_issuer_and_its_measure_a_few_words_on_are_an_authority(refs, sentence):
    (claim,) = claims(sentence, refs)
    assert any(h.kind == "authority" for h in claim.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Too far apart, or in another clause: "UN" and "ban" say nothing of each other.
        "The UN envoy said on Monday that the ban on smoking was broken at the North Korean embassy.",
        "The UN, long divided, watched as Pyongyang's ban on foreign films was broken again.",
    ],
)
def test_an_issuer_far_from_its_measure_is_no_authority(refs, sentence):
    assert claims(sentence, refs) == []


def test_the_council_by_its_other_names_points_back_to_it(refs):
    text = ("The UN Security Council met on Saturday after the launch. "
            "Launches using ballistic missile technology have been barred by the 15-member council since 2006. "
            "A launch like this defies the world body, a spokesperson said.")
    found = claims(text, refs)
    assert [c.text.split()[0] for c in found] == ["Launches", "A"]
    # The second names no activity of its own: it takes the one of the sentence before.
    assert not found[0].review and ids(found[1]) == ids(found[0])
    # With no UN named before, "the council" is any council.
    assert claims("The city council said the new parking rules were broken daily.", refs) == []


def test_bare_sanctions_point_back_to_the_un_but_not_someone_elses(refs):
    un = "North Korea has been under UN Security Council sanctions since 2006. "
    (claim,) = claims(un + '"We are not violating any sanctions," the restaurant owner said.', refs)
    assert claim.stance == "denied"
    assert claims(un + "The Treasury said the firm helped North Korea evade U.S. sanctions.", refs) == []
    # With no UN named before, bare sanctions are anyone's.
    assert claims('"We are not violating any sanctions," the restaurant owner said.', refs) == []


def test_the_resolutions_reach_a_un_authority_named_anywhere_before(refs):
    lede = "The UN Security Council has passed nine sanctions resolutions on North Korea since 2006.\n\n"
    filler = "".join(f"Paragraph {n} is about the weather in Seoul, which was mild.\n\n" for n in range(6))
    claim = "North Korea has continued to test missiles in open defiance of the resolutions."
    (found,) = claims(lede + filler + claim, refs)
    assert found.text == claim
    # "The measures" reaches only a few sentences back; nor does anything reach a UN never named.
    assert claims(lede + filler + "Pyongyang keeps testing in defiance of the measures.", refs) == []
    assert claims(filler + claim, refs) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "EXPLAINER: What do UN sanctions on North Korea ban, and who is breaking them?",
        "Is it legal under UN sanctions for China to buy North Korean seafood?",
    ],
)
def test_a_question_claims_nothing(refs, sentence):
    assert claims(sentence, refs) == []
    # The same words as a statement are a claim.
    assert len(claims("China buys North Korean seafood, which UN sanctions ban.", refs)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Tourism itself is not prohibited under UN Security Council resolutions on North Korea.",
        "Nothing in the Security Council resolutions prohibits foreign tourists from visiting North Korea.",
    ],
)
def test_a_negated_ban_says_what_the_measures_leave_out(refs, sentence):
    assert claims(sentence, refs) == []


def test_a_negated_act_on_banned_things_is_still_a_denial(refs):
    (claim,) = claims("Chinese ports do not allow any cargo prohibited by the Security Council to be unloaded.", refs)
    assert claim.stance == "denied"
    (claim,) = claims("Moscow said the shipment did not violate UN sanctions on North Korea.", refs)
    assert claim.stance == "denied"


def test_an_explainers_list_of_bans_is_the_uns_once_the_un_is_named(refs):
    lede = "UN Security Council sanctions on North Korea have grown since 2006.\n\n"
    (claim,) = claims(lede + "The North is barred from exporting coal, iron and seafood.", refs)
    assert "dprk-coal-iron-exports" in ids(claim)
    # Not someone else's ban, and not before the UN is named.
    assert claims(lede + "Japan bans all exports of coal to North Korea under its own rules.", refs) == []
    assert claims("The North is barred from exporting coal, iron and seafood.", refs) == []


def test_a_duty_states_a_ban_only_about_a_named_activity(refs):
    (claim,) = claims("UN resolutions required all member states to send North Korean workers home by 2019.", refs)
    assert ids(claim) == ["dprk-overseas-workers"]
    assert claims("UN resolutions require all member states to report on what they have done.", refs) == []
    # "may not" states the ban: the modal and the negation are not the claim's stance.
    (claim,) = claims("Under UN sanctions, North Korea may not sell arms, and no country may buy them.", refs)
    assert claim.stance == "asserted" and ids(claim) == ["dprk-arms-exports"]


def test_the_un_named_to_set_another_law_apart_is_no_authority(refs):
    text = "Unlike the UN measures, a U.S. law prohibits imports of goods made with North Korean labour."
    assert claims(text, refs) == []
    assert len(claims("The UN measures prohibit imports of North Korean textiles.", refs)) == 1


# --- stance ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, stance",
    [
        ("North Korea's missile launch violated UN resolutions.", "asserted"),
        ("A launch would violate UN resolutions on North Korea.", "hypothetical"),
        ("The deal could potentially be in violation of UN sanctions on North Korea.", "hypothetical"),
        ("Moscow denied that the deal with North Korea breached UN sanctions.", "denied"),
        ("The ministry said the shipment did not violate UN sanctions on North Korea.", "denied"),
        ("UN resolutions prohibit technologies that could be used in North Korea's missiles.", "asserted"),
        # The modal governs a verb phrase that the violation phrase closes.
        ("Fears grew that Russia could share advanced weapons technology with North Korea, in breach of UN sanctions.",
         "hypothetical"),
        # ...but a modal in an aside farther back does not.
        ("North Korea, which may hold a parade next week, fired a missile in violation of UN resolutions.", "asserted"),
        ("Officials in Moscow insist that nothing in their ties with Pyongyang breaches UN sanctions.", "denied"),
        # A modal after the first violation word counts in its clause, not in a later one.
        ("Analysts said the illegal shipments would breach UN sanctions on North Korea.", "hypothetical"),
        ("Arms sales to North Korea are banned by the Security Council, a spokesman said, adding that Seoul "
         "would respond to any deal that violates those resolutions.", "asserted"),
        # An act said to keep to the measures is a claim denied; negated, one asserted.
        ("The broker insisted its diesel sales to North Korea were legal under UN rules.", "denied"),
        ("Moscow says the arms trade with Pyongyang fully complies with UN Security Council resolutions.", "denied"),
        ("Diesel sales to North Korea above the cap are not legal under UN sanctions.", "asserted"),
        # A negation on the measures as subject: "no UN rule has been broken".
        ("A lawyer for the importer said no UN rule has been broken by the squid from North Korea.", "denied"),
        ("No inspector boarded the North Korean ship, which broke UN sanctions on coal.", "asserted"),
        ("The Kremlin says it has broken no Security Council resolution by buying North Korean shells.", "denied"),
        # A negation carried by "any" past its window, in the same clause; never across a comma.
        ("The owner said the ship had never engaged in any trade prohibited by the United Nations.", "denied"),
        ("The owner said the ship had never engaged in trade with them, prohibited by the United Nations or not.",
         "asserted"),
        ("Firms that hire North Korean workers, knowingly or not, risk falling foul of UN measures.", "hypothetical"),
        # A conditional opening the sentence, or a quotation in it, governs all of it.
        ("If reports that North Korean officers advise Russian gun crews prove true, Moscow is violating the "
         "UN arms embargo.", "hypothetical"),
        ('The professor said, "If Russia provided the engine technology to North Korea, it is a serious violation '
         'of UN sanctions."', "hypothetical"),
        ("Seoul said the launch violated UN resolutions, and asked what the council would do if it met.", "asserted"),
        # An accusation before and a rebuttal after deny it; a rebuttal alone does not.
        ("Beijing said accusations that its ports handled North Korean coal in breach of UN resolutions were "
         "groundless.", "denied"),
        ("Its ports handled North Korean coal in breach of UN resolutions, a report said, calling denials false.",
         "asserted"),
    ],
)
def test_stance(refs, sentence, stance):
    (claim,) = claims(sentence, refs)
    assert claim.stance == stance


# --- linking -----------------------------------------------------------------------------------


LEDE = ("North Korea fired two short-range ballistic missiles into the sea on Friday, the military said.\n\n"
        "The missiles flew about 300 kilometres.\n\nJapan protested through diplomatic channels.\n\n"
        "Markets in Seoul were calm.\n\nTrading volumes were light.\n\n")


def test_an_event_named_without_its_weapon_takes_the_ledes_activity_for_review(refs):
    (claim,) = claims(LEDE + "The launch was a clear violation of UN Security Council resolutions, Seoul said.", refs)
    assert ids(claim) == ["dprk-ballistic-missile-launches"]
    assert claim.review  # a guess from paragraphs away: a person should check it


def test_a_claim_with_no_event_word_does_not_reach_back_to_the_lede(refs):
    (claim,) = claims(LEDE + "It was a clear violation of UN Security Council resolutions, Seoul said.", refs)
    assert claim.review and claim.bans[0].regime_wide


def test_most_specific_phrase_wins(refs):
    (claim,) = claims("Selling jet fuel to North Korea breaches UN sanctions.", refs)
    assert ids(claim) == ["dprk-aviation-fuel"]


def test_activity_in_the_sentence_before(refs):
    text = "North Korea sold coal to a broker on Monday. The sale violated UN sanctions."
    (claim,) = claims(text, refs)
    assert claim.text == "The sale violated UN sanctions."
    assert ids(claim) == ["dprk-coal-iron-exports"]


def test_no_activity_links_the_regime_for_review(refs):
    (claim,) = claims("Japan warned North Korea of violations of UN resolutions.", refs)
    assert claim.review and ids(claim) == ["dprk"]
    assert cited(claim) == {(1718, None)}


@pytest.mark.parametrize(
    "sentence, resolutions",
    [
        ("North Korea's launch violated resolution 2270.", {2270}),
        ("North Korea's launch violated UNSCR 2397.", {2397}),
        ("North Korea's sales breach S/RES/2375 (2017).", {2375}),
        ("North Korea's test defied resolutions 1718 and 1874.", {1718, 1874}),
    ],
)
def test_explicit_citations_are_kept_as_written_and_linked(refs, sentence, resolutions):
    (claim,) = claims(sentence, refs)
    assert {c.resolution for c in claim.citations} == resolutions
    assert all(sentence[c.start : c.end] == c.text for c in claim.citations)
    assert {r for r, _ in cited(claim)} & resolutions


def test_a_number_with_a_leading_zero_is_no_resolution(refs):
    from annotate.citations import find_citations

    found = find_citations("resolution 000, RESOLUTION0825 and resolution 2270", refs.citation_patterns)
    assert [c.resolution for c in found] == [2270]


def test_paragraph_citation_picks_the_ban_of_that_paragraph(refs):
    (claim,) = claims("The deliveries to North Korea were in breach of paragraph 5 of resolution 2397.", refs)
    assert ids(claim) == ["dprk-refined-petroleum"]
    assert claim.citations[0].paragraphs == ("5",)


def test_cited_resolution_narrows_activity_bans(refs):
    (claim,) = claims("North Korea's coal exports violate resolution 2371.", refs)
    assert ids(claim) == ["dprk-coal-iron-exports"]


def test_evidence_explains_the_decision_with_offsets(refs):
    text = "North Korea fired a ballistic missile in violation of UN Security Council resolutions."
    (claim,) = claims(text, refs)
    kinds = {h.kind for h in claim.evidence}
    assert {"violation", "authority", "activity"} <= kinds
    for h in claim.evidence:
        assert text[h.start : h.end].lower().startswith(h.phrase.lower()[:3])


def test_evidence_holds_only_the_cues_that_decided(refs):
    # "It" and "this" are in the sentence but decide nothing: the authority is named in it.
    text = "It said this launch would breach UN sanctions on North Korea."
    (claim,) = claims(text, refs)
    assert claim.stance == "hypothetical"
    assert sorted(text[h.start : h.end] for h in claim.evidence if h.kind != "activity" and h.kind != "regime") == [
        "UN sanctions", "breach", "would"]
    # Here the pronoun is what ties the claim to the UN named just before: it is evidence.
    (claim,) = claims("UN sanctions cover North Korea's coal. They also evade them by selling seafood.", refs)
    assert "pronoun" in {h.kind for h in claim.evidence}


def test_evidence_names_each_phrase_of_a_ban_once(refs):
    # Inflected forms and shorter phrases of the same ban inside a longer one are one piece of
    # evidence, not three; a shorter phrase of another ban may still nest (linking drops it).
    text = ("North Korea test-fired an intercontinental ballistic missile and ran ship-to-ship transfers, "
            "in violation of UN Security Council resolutions.")
    (claim,) = claims(text, refs)
    acts = [h for h in claim.evidence if h.kind == "activity"]
    spans = [text[h.start : h.end] for h in acts]
    assert "intercontinental ballistic missile" in spans and "ship-to-ship transfers" in spans
    for a in acts:
        for b in acts:
            if a is not b and a.ban == b.ban:
                assert a.end <= b.start or b.end <= a.start, (a, b)


def test_markdown_syntax_is_not_read_as_words(refs):
    text = "**North Korea** fired a [ballistic missile](https://e.org/violation) in breach of _UN sanctions_."
    (claim,) = claims(text, refs, markdown=True)
    assert claim.text == text
    # The link target's words are not read: "violation" in the URL is no cue.
    assert [text[h.start : h.end] for h in claim.evidence if h.kind == "violation"] == ["in breach of"]


def test_markdown_marks_between_two_claims_belong_to_one(refs):
    text = "North Korea fired a missile in violation of UN resolutions.**North Korea sold coal in breach of UN sanctions.**"
    first, second = claims(text, refs, markdown=True)
    assert first.end <= second.start
    assert text[first.start : first.end] == first.text and text[second.start : second.end] == second.text
