"""What the NLU routes is checked by the action: follow-ups read with their topic, questions stay questions."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import answer as answer_module
from bot.actions import resources
from bot.actions.answer import ActionAnswer, asks_something, excerpt, read_in_context
from bot.actions.handoff import ActionHandoff
from bot.actions.places import ActionComparePlaces, ActionInformPlace
from bot.actions.services import ActionFindService, content_agrees
from bot.actions.slots import moving_to
from bot.settings import BotSettings
from replies.texts import catalogue
from tests.bot.conftest import run, tracker

SIN_QUESTION = "how do I get a social insurance number?"


def slot(events, name):
    return next(e["value"] for e in events if e.get("name") == name)


@pytest.mark.parametrize(
    "message, asks",
    [
        ("laid off at the plant in Hamilton, what do I do now", True),
        ("ok mais moi j'habite a Windsor, c'est ou la clinique?", True),
        ("plus d'argent pour le loyer a Brampton, y a de l'aide", True),
        ("I live in Kingston", False),
        ("im in windsor btw", False),
        ("Ottawa?", False),
    ],
)
def test_a_question_of_its_own_is_told_from_a_place_alone(message, asks):
    assert asks_something(message) is asks


def with_standalone(monkeypatch, similarity: float) -> None:
    settings = BotSettings(standalone_similarity=similarity)
    monkeypatch.setattr(resources, "settings", lambda: settings)


def test_a_short_message_that_matches_nothing_well_is_read_with_the_previous_question(sample_index, monkeypatch):
    with_standalone(monkeypatch, 1.0)  # nothing, read alone, is a good enough match
    asked, follow_up, _ = read_in_context(sample_index, "what is the first step", SIN_QUESTION, "en", None)
    assert follow_up and asked == f"{SIN_QUESTION} what is the first step"


def test_a_short_message_that_matches_an_item_well_stands_alone(sample_index, monkeypatch):
    with_standalone(monkeypatch, 0.0)
    asked, follow_up, found = read_in_context(sample_index, "can I get a library card", SIN_QUESTION, "en", None)
    assert not follow_up and asked == "can I get a library card"
    assert found is not None and found[0]  # its search is reused, not repeated


def test_a_follow_up_word_always_continues_and_a_long_message_never_does(sample_index, monkeypatch):
    with_standalone(monkeypatch, 0.0)
    assert read_in_context(sample_index, "how much?", SIN_QUESTION, "en", None)[1]
    long = "I would like to know how the library in Ottawa lends books to new residents of the city"
    with_standalone(monkeypatch, 1.0)
    assert read_in_context(sample_index, long, SIN_QUESTION, "en", None) == (long, False, None)
    assert read_in_context(sample_index, "what is the first step", None, "en", None)[:2] == (
        "what is the first step",
        False,
    )


def test_the_topic_is_the_last_words_of_the_previous_question(sample_index, monkeypatch):
    # A previous question that was itself a follow-up ends with the topic discussed now.
    settings = BotSettings(standalone_similarity=1.0, context_words=3)
    monkeypatch.setattr(resources, "settings", lambda: settings)
    chained = "how do I get a health card? can we get money for rent"
    asked, _, _ = read_in_context(sample_index, "is there a fee?", chained, "en", None)
    assert asked == "money for rent is there a fee?"


def test_a_follow_up_answer_remembers_the_question_it_answered(monkeypatch):
    with_standalone(monkeypatch, 1.0)
    messages, events = run(
        ActionAnswer(), tracker("what is the first step", "ask_question", last_question=SIN_QUESTION, last_item="sin")
    )
    assert messages[0]["custom"]["type"] == "answer"
    assert slot(events, "last_question") == f"{SIN_QUESTION} what is the first step"
    assert slot(events, "last_item") == "sin"


def test_who_can_help_after_a_question_is_help_with_that_topic_not_a_contact_list(monkeypatch):
    with_standalone(monkeypatch, 1.0)
    question = "my landlord wants to evict me"
    messages, _ = run(ActionHandoff(), tracker("who can help me", "human_handoff", last_question=question))
    assert messages[0]["custom"]["type"] == "answer"
    assert "Landlord and Tenant Board" in messages[0]["custom"]["sources"][0]["title"]
    messages, events = run(
        ActionHandoff(), tracker("I want to talk to a person", "human_handoff", last_question=question)
    )
    assert messages[0]["custom"]["type"] == "handoff"
    assert events[-1]["name"] == "handoff_requested" and events[-1]["value"] is True


def test_one_place_and_a_question_is_a_question_not_a_comparison():
    message = "is there help to find a family doctor in Halifax, where do I ask"
    messages, events = run(ActionComparePlaces(), tracker(message, "compare_places"))
    assert messages[0]["text"] != catalogue().raw("compare_one_place", "en")
    assert all(e.get("name") != "compared_places" for e in events)
    # Asking whether a place is good to live in is still about choosing where to live.
    messages, _ = run(ActionComparePlaces(), tracker("is Halifax a good place to live?", "compare_places"))
    assert messages[0]["text"] == catalogue().raw("compare_one_place", "en")


def test_a_place_with_a_question_answers_the_question(monkeypatch):
    message = "I live in Ottawa now, how do I get a library card there?"
    messages, _ = run(ActionInformPlace(), tracker(message, "inform_place", place="Ottawa", region="ON-ottawa"))
    answer = messages[0]["custom"]
    assert answer["type"] == "answer" and "ottawa" in answer["sources"][0]["url"]


def test_the_item_being_discussed_decides_whether_a_message_continues_it(sample_index, monkeypatch):
    def margin(value: float) -> None:
        settings = BotSettings(continuation_margin=value, standalone_similarity=0.0)
        monkeypatch.setattr(resources, "settings", lambda: settings)

    message = "can I get a library card"
    margin(0.0)  # the SIN item must answer as well as the best item: the library's does better
    assert read_in_context(sample_index, message, SIN_QUESTION, "en", None, "sin")[1] is False
    margin(1.0)  # any passage of the SIN item is close enough
    asked, follow_up, _ = read_in_context(sample_index, message, SIN_QUESTION, "en", None, "sin")
    assert follow_up and asked.startswith(SIN_QUESTION)


def test_leaving_the_city_out_of_the_search_does_not_make_a_local_answer_unsure():
    # The library's own passages match the question with the city in it: the answer is given.
    state = tracker("how do I get a library card in Ottawa", "ask_question", place="Ottawa", region="ON-ottawa")
    answer = run(ActionAnswer(), state)[0][0]["custom"]
    assert answer["type"] == "answer" and "ottawa" in answer["sources"][0]["url"]


def test_a_message_that_finds_the_item_better_with_the_previous_question_continues_it(sample_index, monkeypatch):
    def gain(value: float) -> None:
        settings = BotSettings(continuation_margin=0.0, context_gain=value, standalone_similarity=0.0)
        monkeypatch.setattr(resources, "settings", lambda: settings)

    gain(0.0)
    asked, follow_up, found = read_in_context(sample_index, "is there a fee", SIN_QUESTION, "en", None, "sin")
    assert follow_up and asked == f"{SIN_QUESTION} is there a fee"
    assert found is not None and found[0][0].translation == "sin"  # the search with the topic is reused
    gain(1.0)  # no gain is that large: the message stands alone
    assert read_in_context(sample_index, "is there a fee", SIN_QUESTION, "en", None, "sin")[1] is False


@pytest.mark.parametrize(
    "message, more",
    [
        ("my landlord in london wants me out next month", True),
        ("mon proprio a Windsor veut augmenter le loyer", True),
        ("sorry, I said I live in Ottawa, not Toronto", False),
        ("im in windsor btw", False),
        ("désolée, j'habite à Ottawa maintenant", False),
        ("we live in Thunder Bay", False),
    ],
)
def test_a_problem_told_with_a_place_is_more_than_a_place(message, more):
    from bot.actions.answer import says_more_than_a_place

    place_words = sum(len(p.en.split()) for p in resources.gazetteer().find(message))
    assert says_more_than_a_place(message, place_words) is more


@pytest.mark.parametrize(
    "message, back",
    [("is that legal", True), ("il a le droit?", True), ("does it count?", True), ("ça coûte combien", True),
     ("can I get OSAP for my tuition fees", False), ("free dentist for the kids?", False),
     ("is it true that my son has to pay for everything for me here", False)],
)  # fmt: skip
def test_a_short_message_pointing_back_is_told_apart(message, back):
    from bot.actions.answer import refers_back

    assert refers_back(message) is back


def test_a_recommendation_keeps_its_places_for_the_next_question():
    from tests.bot.conftest import saved_tracker

    messages, events = run(ActionComparePlaces(), saved_tracker("compare_priorities_en"))
    recommended = [p["id"] for p in messages[0]["custom"]["comparison"]["places"]]
    assert events == [{"event": "slot", "timestamp": None, "name": "compared_places", "value": recommended}]
    # "and the rent?" right after: those places, on that criterion.
    follow = tracker("and the rent?", "ask_question", compared_places=recommended)
    messages, _ = run(ActionAnswer(), follow)
    table = messages[0]["custom"]
    assert table["type"] == "comparison" and [p["id"] for p in table["comparison"]["places"]] == recommended
    assert table["comparison"]["criteria"][0]["criterion"] == "rent_2br"


def test_and_a_place_joins_the_comparison_whatever_the_intent():
    state = tracker("Et Sudbury?", "ask_question", language="fr", compared_places=["ottawa", "kingston"])
    messages, events = run(ActionAnswer(), state)
    assert [p["id"] for p in messages[0]["custom"]["comparison"]["places"]] == ["ottawa", "kingston", "sudbury"]
    assert events[0]["value"] == ["ottawa", "kingston", "sudbury"]


def test_a_stated_status_that_changes_the_service_is_said_in_the_reply():
    from bot.actions.services import route_need

    dispatcher = CollectingDispatcher()
    assert route_need(dispatcher, "citizenship", "ON-ottawa", "fr", status="permanent-resident")
    message = dispatcher.messages[0]["custom"]
    assert message["text"].startswith("Je vous montre les services offerts aux personnes de votre statut")
    assert message["services"][0]["name"] != ""
    # Without a status, nothing is said about one.
    dispatcher = CollectingDispatcher()
    assert route_need(dispatcher, "citizenship", "ON-ottawa", "en")
    assert "status" not in dispatcher.messages[0]["custom"]["text"].split("\n")[0]


def test_a_new_session_keeps_language_and_place_but_never_the_status():
    from bot.actions.session import ActionSessionStart

    state = tracker(
        "hello", "greet", language="fr", place="Ottawa", region="ON-ottawa", status="refugee-claimant",
        last_question="comment obtenir un NAS", last_item="sin",
    )  # fmt: skip
    _, events = run(ActionSessionStart(), state)
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"
    carried = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert carried == {"language": "fr", "place": "Ottawa", "region": "ON-ottawa"}


def test_a_longer_message_must_come_near_the_item_by_itself_to_continue_it(sample_index, monkeypatch):
    def reach(value: float) -> None:
        settings = BotSettings(
            continuation_margin=0.0, context_gain=0.0, context_reach=value, standalone_similarity=0.0
        )
        monkeypatch.setattr(resources, "settings", lambda: settings)

    message = "where can my children borrow books for free"  # no word pointing back, a topic of its own
    reach(0.0)
    assert read_in_context(sample_index, message, SIN_QUESTION, "en", None, "sin")[1] is False
    reach(1.0)  # any passage of the SIN item is near enough: the gain from the SIN question decides
    asked, follow_up, _ = read_in_context(sample_index, message, SIN_QUESTION, "en", None, "sin")
    assert follow_up and asked == f"{SIN_QUESTION} {message}"


def urgent_when(word: str, item: str, monkeypatch) -> None:
    """The sample index has no 911 or Health811 item: a message with `word` is urgent, answered by `item`."""
    monkeypatch.setattr(answer_module, "urgent_item", lambda message: item if word in message.lower() else None)


def test_an_urgent_message_gets_what_to_do_first_then_the_rest_of_its_question(sample_index, monkeypatch):
    urgent_when("fever", "211-ontario", monkeypatch)
    message = "my son has a fever and we have no Ontario health card yet, is he covered by OHIP"
    with_standalone(monkeypatch, 0.5)
    messages, events = run(ActionAnswer(), tracker(message, "ask_question"))
    opening = excerpt(sample_index.item("211-ontario", "en").text, BotSettings().answer_words)
    assert messages[0]["custom"]["text"].startswith(opening)  # the item's opening: what to do now
    sources = [s["url"] for s in messages[0]["custom"]["sources"]]
    assert "211" in sources[0] and "ohip" in sources[1].lower()
    assert slot(events, "last_item") == "ohip-eligibility"
    with_standalone(monkeypatch, 1.0)  # the search is never sure enough on its own: what to do now only
    messages, events = run(ActionAnswer(), tracker(message, "ask_question"))
    assert len(messages[0]["custom"]["sources"]) == 1 and "211" in messages[0]["custom"]["sources"][0]["url"]


def test_a_follow_up_to_an_urgent_question_is_not_urgent_again(monkeypatch):
    urgent_when("fever", "211-ontario", monkeypatch)
    with_standalone(monkeypatch, 1.0)
    previous = "my son has a fever, how do I get an Ontario health card"
    messages, _ = run(ActionAnswer(), tracker("where do we apply", "ask_question", last_question=previous))
    assert "ohip" in messages[0]["custom"]["sources"][0]["url"].lower()


def test_a_question_with_no_good_answer_is_still_the_thread(monkeypatch):
    question = "what colour is the bus to the moon"
    messages, events = run(
        ActionAnswer(), tracker(question, "ask_question", last_question=SIN_QUESTION, last_item="sin")
    )
    assert messages[0]["custom"]["type"] == "choices"
    assert slot(events, "last_question") == question and slot(events, "last_item") is None


@pytest.mark.parametrize(
    "message, destination",
    [
        ("Allo, on déménage de Gatineau à Ottawa. Comment je l'inscris au secondaire?", "Ottawa"),
        ("we are moving from Toronto to Windsor next month, where do I get a library card", "Windsor"),
        ("I live in Toronto and work in Mississauga", None),  # no move
        ("moving to Ottawa", None),  # one place: nothing to tell apart
    ],
)
def test_the_place_someone_moves_to_is_the_place(message, destination):
    found = moving_to(message)
    assert (found.en if found else None) == destination


def test_moving_from_one_place_to_another_with_a_question_answers_it_for_the_new_place():
    message = "we are moving from Toronto to Ottawa next month, how do I get a library card there?"
    messages, events = run(ActionComparePlaces(), tracker(message, "compare_places"))
    answer = messages[0]["custom"]
    assert answer["type"] == "answer" and "ottawa" in answer["sources"][0]["url"]
    assert all(e.get("name") != "compared_places" for e in events)
    # Weighing the two up is still a comparison.
    messages, _ = run(
        ActionComparePlaces(), tracker("moving from Toronto to Ottawa, which is cheaper?", "compare_places")
    )
    assert messages[0]["custom"]["type"] == "comparison"


def test_a_need_stands_only_when_the_content_search_is_not_sure_of_other_topics(monkeypatch):
    def agreement(value: float) -> None:
        settings = BotSettings(agreement_similarity=value)
        monkeypatch.setattr(resources, "settings", lambda: settings)

    question = "how do I get a social insurance number to work"
    agreement(0.0)  # the search is always sure enough
    assert content_agrees(question, "sin", "en", None) is True  # the SIN item is on the need's topic
    assert content_agrees(question, "tenant-dispute", "en", None) is False  # no housing item among the hits
    agreement(1.0)  # the search is sure of nothing: the need stands
    assert content_agrees(question, "tenant-dispute", "en", None) is True


def test_a_service_question_after_a_figure_gets_the_content_answer_then_the_service(monkeypatch):
    with_standalone(monkeypatch, 1.0)
    messages, events = run(
        ActionFindService(), tracker("how long does it take to get my social insurance number", "find_service")
    )
    assert [m["custom"]["type"] for m in messages] == ["answer", "services"]
    assert "Social Insurance Number" in messages[0]["custom"]["sources"][0]["title"]
    shown = [e["value"] for e in events if e.get("name") == "last_service"][-1]  # the last one set wins
    assert shown == messages[1]["custom"]["services"][0]["id"]
    # Without a figure asked, the service alone.
    messages, _ = run(ActionFindService(), tracker("where do I apply for a social insurance number", "find_service"))
    assert [m["custom"]["type"] for m in messages] == ["services"]


def test_a_long_message_that_points_back_at_nothing_stands_alone_after_a_service_card(sample_index, monkeypatch):
    with_standalone(monkeypatch, 1.0)  # nothing matches well alone
    own = "honestly i feel really alone and sad since i came here"
    assert read_in_context(sample_index, own, SIN_QUESTION, "en", None)[:2] == (own, False)
    pointing = "and can my brother also get one of those when he comes"  # "he" points back
    assert read_in_context(sample_index, pointing, SIN_QUESTION, "en", None)[1] is True


def test_a_long_message_that_goes_on_from_the_last_one_is_read_with_it(sample_index, monkeypatch):
    with_standalone(monkeypatch, 1.0)
    assert read_in_context(sample_index, "and what if I have nowhere to sleep tonight", SIN_QUESTION, "en", None)[1]
