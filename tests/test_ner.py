"""Entity spans and scores on hand-made cases, and a real tiny BiLSTM-CRF's answers to odd input."""

import pytest
import torch
from conftest import ROOT

from seqdemo.data import TaggedSentence
from seqdemo.models import RecurrentConfig
from seqdemo.models.tagger import SequenceTagger, TaggerConfig
from seqdemo.tasks import BadInput, get_task
from seqdemo.tasks.ner import MAX_INPUT_CHARS, cut, tag_names
from seqdemo.tasks.runner import load_model, train
from seqdemo.text.entities import entity_scores, spans


def test_spans_read_bio_as_conlleval_does():
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == [("PER", 0, 2), ("LOC", 3, 4)]
    assert spans(["I-ORG", "I-ORG", "O"]) == [("ORG", 0, 2)]  # an entity may start with I-
    assert spans(["B-PER", "I-LOC", "I-LOC"]) == [("PER", 0, 1), ("LOC", 1, 3)]  # a type change ends it
    assert spans(["B-PER", "B-PER"]) == [("PER", 0, 1), ("PER", 1, 2)]
    assert spans(["O", "O"]) == []


def test_entity_scores_need_exact_span_and_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    predicted = [["B-PER", "I-PER", "O", "B-ORG"],  # PER right; LOC given the wrong type
                 ["B-ORG", "I-ORG", "O"]]  # ORG cut short: wrong
    report = entity_scores(gold, predicted)
    assert report["micro"]["precision"] == pytest.approx(1 / 3)
    assert report["micro"]["recall"] == pytest.approx(1 / 3)
    assert report["PER"]["f1"] == 1.0
    assert report["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1.0}
    assert report["ORG"]["precision"] == 0.0 and report["ORG"]["support"] == 1.0
    assert entity_scores(gold, gold)["micro"]["f1"] == 1.0


def test_long_sentences_are_cut_outside_entities():
    tags = ["O"] * 8 + ["B-LOC", "I-LOC", "I-LOC"] + ["O"] * 5
    pieces = cut(TaggedSentence([str(i) for i in range(16)], tags), limit=10)
    assert [len(p.tokens) for p in pieces] == [8, 8]
    assert pieces[1].tags[:3] == ["B-LOC", "I-LOC", "I-LOC"]


@pytest.mark.parametrize("decoder", ["crf", "softmax"])
def test_tagger_learns_a_tiny_pattern(decoder):
    torch.manual_seed(0)
    names = tag_names(["PER"])  # O, B-PER, I-PER
    tokens = torch.tensor([[5, 6, 7, 4, 4], [4, 5, 6, 4, 0]])  # 5 6 (7) is a name
    tags = torch.tensor([[1, 2, 2, 0, 0], [0, 1, 2, 0, 0]])
    lengths = torch.tensor([5, 4])
    model = SequenceTagger(TaggerConfig(8, tuple(names), 8, RecurrentConfig("lstm", 8), use_crf=decoder == "crf"))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(60):
        optimizer.zero_grad()
        model(tokens, lengths, tags=tags).loss.backward()
        optimizer.step()
    paths, probabilities = model.decode(model.eval()(tokens, lengths))
    assert paths == [[1, 2, 2, 0, 0], [0, 1, 2, 0]]
    assert torch.allclose(probabilities[0].sum(-1), torch.ones(5), atol=1e-5)


@pytest.fixture(scope="module")
def recognizer(tmp_path_factory, cpu):
    """A Chinese character BiLSTM-CRF trained for one epoch on 300 MSRA sentences."""
    hparams = get_task("ner").hyperparameters("msra", "quick", epochs=1, hidden_size=16, embedding_dim=16, train_examples=0)
    path = train("ner", "msra", hparams, tmp_path_factory.mktemp("ckpt") / "ner", cpu, limit=300)
    task, hparams, model, checkpoint = load_model(path, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_entities_point_back_into_the_text(recognizer):
    text = "中国人民银行行长周小川在北京表示。\n他说，上海的经济很好！"
    result = recognizer.predict(text)
    assert result.sentences == 2 and not result.truncated
    for entity in result.entities:
        assert text[entity.start:entity.end] == entity.text
        assert entity.type in ("PER", "LOC", "ORG") and 0.0 < entity.confidence <= 1.0


def test_odd_input_gets_an_answer_or_a_clear_refusal(recognizer):
    with pytest.raises(BadInput):
        recognizer.predict("   ")
    assert recognizer.predict("京").sentences == 1
    long = recognizer.predict("我在北京工作。" * 4000)
    assert long.truncated and len(long.text) == MAX_INPUT_CHARS
    latin = recognizer.predict("Barack Obama visited <b>Paris</b>.")
    assert all(latin.text[e.start:e.end] == e.text for e in latin.entities)


def test_the_chinese_tagger_reads_latin_letters_as_typed_and_punctuation_as_its_training_text_wrote_it(cpu):
    """MSRA writes "WHO", "．" and "％": lower-casing turned WHO into an unknown "who" read as a person."""
    from seqdemo.text.vocab import width_map

    task, hparams, model, checkpoint = load_model(ROOT / "checkpoints" / "ner" / "msra-bilstm-crf-full", cpu)
    recognizer = task.predictor(model, hparams, checkpoint)
    words = checkpoint.fitted["words"]
    assert words.stoi["P"] != words.stoi["p"] and not hparams.lowercase
    assert [t.text for t in recognizer.sentences("WHO在3.5%")[0]] == ["W", "H", "O", "在", "3", "．", "5", "％"]
    assert width_map(words)["%"] == "％" and "3" not in width_map(words)  # digits stay: MSRA writes them as typed
    found = {(e.type, e.text) for e in recognizer.predict("WHO总干事谭德塞在日内瓦表示，疫情仍在蔓延。").entities}
    assert ("PER", "谭德塞") in found and not any(text.startswith("WHO") and kind == "PER" for kind, text in found)


def test_markup_emoji_and_punctuation_are_never_names():
    from seqdemo.tasks.ner import nameable

    text = "😀 <b>Obama</b> met <a href='x'>Merkel</a> !!"
    assert not nameable(text, 0, 1)  # an emoji
    assert not nameable(text, text.index("<b>"), text.index("<b>") + 3)  # a tag
    assert nameable(text, text.index("Obama"), text.index("Obama") + 5)  # text between tags is text
    assert not nameable(text, text.index("href"), text.index("href") + 4)  # inside a tag
    assert not nameable(text, len(text) - 2, len(text))
