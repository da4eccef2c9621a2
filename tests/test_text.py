"""Tokenizers, vocabulary, GloVe."""

import numpy as np
import pytest
import torch

from seqdemo import fitted
from seqdemo.text import Vocab, get_tokenizer
from seqdemo.text.glove import glove_embedding_matrix, load_glove
from seqdemo.text.lexicon import (
    FEATURES,
    KINDS,
    POSITIONS,
    lexicon_masks,
    masks_to_features,
)
from seqdemo.text.scripts import dominant_language
from seqdemo.text.segmenter import segmentation_masks
from seqdemo.text.vocab import SPECIALS


def test_english_words_are_lowercased_and_point_back_into_the_text():
    text = "I didn't LOVE it, 100% sure!"
    tokens = get_tokenizer("en_words")(text)
    assert [t.text for t in tokens] == ["i", "did", "n't", "love", "it", ",", "100", "%", "sure", "!"]
    assert all(text[t.start:t.end].lower() == t.text for t in tokens)


def test_chinese_is_read_character_by_character_without_spaces():
    tokens = get_tokenizer("zh_chars")("很好 用")
    assert [t.text for t in tokens] == ["很", "好", "用"]
    assert [t.start for t in tokens] == [0, 1, 3]


def test_character_tokenizer_keeps_everything():
    assert [t.text for t in get_tokenizer("chars")("a b\n")] == ["a", " ", "b", "\n"]


def test_unknown_tokenizer_is_refused():
    with pytest.raises(ValueError, match="en_words"):
        get_tokenizer("klingon")


def test_vocab_orders_by_frequency_and_respects_limits():
    texts = [["b", "a", "a", "c"], ["a", "b", "d"]]
    vocab = Vocab.build(texts, min_freq=2)
    assert vocab.itos == list(SPECIALS) + ["a", "b"]
    assert vocab.encode(["a", "zzz"]) == [4, vocab.unk_id]
    assert Vocab.build(texts, max_size=1).itos == list(SPECIALS) + ["a"]
    assert vocab.decode([4, 5]) == ["a", "b"]


def test_fitted_vocabularies_and_scalers_round_trip_through_json(tmp_path):
    from seqdemo.series.scaling import SeriesScaler

    vocab = Vocab.build([["ni", "hao", "你好"]])
    fitted.save(vocab, tmp_path / "v.json")
    assert fitted.load(tmp_path / "v.json").itos == vocab.itos
    scaler = SeriesScaler((1.0, 2.0), (0.5, 1.5), 0.01, True)
    fitted.save(scaler, tmp_path / "s.json")
    assert fitted.load(tmp_path / "s.json") == scaler


@pytest.mark.parametrize("content", ['["<pad>", "a"]', '{"format": "seqdemo.vocab/1", "tokens": [1, 2]}',
                                     '{"format": "pickle", "tokens": []}'])
def test_a_fitted_file_that_is_not_ours_is_refused(tmp_path, content):
    (tmp_path / "v.json").write_text(content)
    with pytest.raises(ValueError):
        fitted.load(tmp_path / "v.json")


def test_glove_vectors_carry_meaning():
    index, vectors = load_glove()
    assert vectors.shape == (400000, 50)
    king, queen = vectors[index["king"]], vectors[index["queen"]]
    assert np.dot(king, queen) / np.linalg.norm(king) / np.linalg.norm(queen) == pytest.approx(0.784, abs=0.001)


def test_glove_embedding_matrix_uses_glove_rows_and_a_zero_pad():
    vocab = Vocab.build([["the", "movie", "qqqxxyzzy"]])
    matrix, coverage = glove_embedding_matrix(vocab)
    index, vectors = load_glove()
    assert matrix.shape == (len(vocab), 50)
    assert np.allclose(matrix[vocab.stoi["movie"]].numpy(), vectors[index["movie"]])
    assert not matrix[vocab.pad_id].any()
    assert coverage == pytest.approx(2 / 3)


@pytest.mark.parametrize("text, language", [("这部电影很好看", "zh"), ("A fine film", "en"), ("iPhone 很好用吗 OK", None), ("😀 !!!", None)])
def test_dominant_language(text, language):
    assert dominant_language(text) == language


def test_dictionary_matches_mark_each_character_by_position_and_kind():
    lexicon = {"北京": "LOC", "北京大学": "ORG", "大学": "word", "学": "word"}
    features = masks_to_features(torch.tensor(lexicon_masks(list("在北京大学"), lexicon)))  # [chars, FEATURES]
    assert features.shape == (5, FEATURES)

    def marks(char: int) -> set[str]:
        return {f"{POSITIONS[i // len(KINDS)]}-{KINDS[i % len(KINDS)]}" for i in features[char].nonzero().flatten().tolist()}

    assert marks(0) == set()  # 在: in no word
    assert marks(1) == {"B-LOC", "B-ORG"}  # 北: begins 北京 and 北京大学
    assert marks(2) == {"E-LOC", "M-ORG"}
    assert marks(3) == {"M-ORG", "B-word"}
    assert marks(4) == {"E-ORG", "E-word", "S-word"}


def test_the_segmentation_marks_each_character_once_with_its_word_and_kind():
    masks = segmentation_masks(list("邓小平在北京会见了客人"))
    assert all(bin(mask).count("1") == 1 for mask in masks)
    features = masks_to_features(torch.tensor(masks))  # [chars, FEATURES]
    names = [f"{POSITIONS[i // len(KINDS)]}-{KINDS[i % len(KINDS)]}" for i in features.argmax(-1).tolist()]
    assert names[:6] == ["B-PER", "M-PER", "E-PER", "S-word", "B-LOC", "E-LOC"]


def test_a_token_of_several_characters_takes_its_first_characters_place():
    assert segmentation_masks(["ABC", "在", "北", "京"])[2:] == segmentation_masks(list("ABC在北京"))[4:]
