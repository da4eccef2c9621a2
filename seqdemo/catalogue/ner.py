"""The Named entities tab."""

STRINGS = {
    "ner.tab": {"en": "Named entities", "zh": "命名实体"},
    "ner.intro": {
        "en": "A BiLSTM reads the sentence in both directions and scores every tag for every character or word; a "
              "CRF then picks the best sequence of tags as a whole (so an entity cannot, say, continue without a "
              "beginning). Entities are marked in colour; the table shows how sure the model is of each.",
        "zh": "双向 LSTM 从两个方向读句子，为每个字或词的每种标签打分；再由 CRF 从整体上选出最好的标签序列（例如实体不能没有开头就延续）。识别出的实体用颜色标出，表格中给出模型对每个实体的把握。",
    },
    "ner.model": {"en": "Model", "zh": "模型"},
    "ner.input": {"en": "Text", "zh": "文本"},
    "ner.input_hint": {"en": "Type or paste a sentence, e.g. a news item or a tweet", "zh": "输入或粘贴一段文字，例如一条新闻"},
    "ner.submit": {"en": "Find entities", "zh": "识别实体"},
    "ner.output": {"en": "Entities in the text", "zh": "文中的实体"},
    "ner.entities": {"en": "Entities found", "zh": "识别出的实体"},
    "ner.examples": {"en": "Examples", "zh": "示例"},
    "ner.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "ner.col.type": {"en": "Type", "zh": "类型"},
    "ner.col.text": {"en": "Text", "zh": "文字"},
    "ner.col.span": {"en": "Characters", "zh": "字符位置"},
    "ner.col.confidence": {"en": "Confidence", "zh": "置信度"},
    "ner.truncated": {
        "en": "The text was cut to its first {limit:,} characters ({sentences:,} sentences read).",
        "zh": "文本过长，只读取了前 {limit:,} 个字符（共 {sentences:,} 句）。",
    },
    "ner.none_found": {"en": "No entities found.", "zh": "没有找到实体。"},
    "ner.card.decoder.crf": {"en": "a CRF that picks the best tag sequence as a whole", "zh": "从整体上选出最佳标签序列的 CRF"},
    "ner.card.decoder.softmax": {"en": "a softmax that tags each token on its own", "zh": "逐个词元独立打标签的 softmax"},
    "ner.card.input.separator": {"en": ", ", "zh": "、"},
    "ner.card.input.tokens": {"en": "each token", "zh": "每个词元"},
    "ner.card.input.glove": {"en": "each word as a GloVe vector", "zh": "每个词的 GloVe 向量"},
    "ner.card.input.bigrams": {"en": "each pair of neighbouring tokens", "zh": "每对相邻词元"},
    "ner.card.input.char_features": {"en": "each word's spelling (character CNN)", "zh": "每个词的拼写（字符卷积网络）"},
    "ner.card.input.lexicon": {
        "en": "dictionary matches (words, names, places, organisations in jieba's word list)",
        "zh": "词典匹配（jieba 词表中的词、人名、地名、机构名）",
    },
    "ner.card.input.segmenter": {
        "en": "jieba's word segmentation and its name, place and organisation tags",
        "zh": "jieba 的分词结果及其人名、地名、机构名标注",
    },
    "ner.card.selection.final_fit": {
        "en": "; training and validation sentences together, for all {epochs} epochs, settings chosen beforehand "
              "on the validation sentences",
        "zh": "；训练句与验证句合在一起，训练满 {epochs} 轮，设置事先在验证句上选定",
    },
    "ner.card.weak": {
        "en": "⚠️ **This English model is weak.** It learned from 1,799 tweets (published WNUT-16 models train on about "
              "3,400 and read word vectors learned from tweets), so it misses many names and often mixes up their types. "
              "Take its answers as a demonstration of the method, not as reliable.\n\n",
        "zh": "⚠️ **这个英文模型很弱**。它只从 1,799 条推文中学习（已发表的 WNUT-16 模型用约 3,400 条推文训练，并使用在推文上学到的词向量），"
              "所以会漏掉很多名字，也常把类型弄错。请把它的回答当作方法演示，而不是可靠的结果。\n\n",
    },
    "entity.PER": {"en": "Person", "zh": "人名"},
    "entity.LOC": {"en": "Place", "zh": "地名"},
    "entity.ORG": {"en": "Organisation", "zh": "机构"},
    "entity.person": {"en": "Person", "zh": "人名"},
    "entity.geo-loc": {"en": "Place", "zh": "地名"},
    "entity.company": {"en": "Company", "zh": "公司"},
    "entity.facility": {"en": "Building or facility", "zh": "建筑或设施"},
    "entity.movie": {"en": "Film", "zh": "电影"},
    "entity.musicartist": {"en": "Musician or band", "zh": "音乐人或乐队"},
    "entity.product": {"en": "Product", "zh": "产品"},
    "entity.sportsteam": {"en": "Sports team", "zh": "运动队"},
    "entity.tvshow": {"en": "TV show", "zh": "电视节目"},
    "entity.other": {"en": "Other name", "zh": "其他名称"},
    "ner.card.body": {
        "en": "{caveat}**{name}**: a bidirectional {cell} ({layers} layer(s), {hidden} units per direction) scores each "
              "tag for every token; {decoder} turns the scores into entities.\n\n- Reads: {inputs}\n- Trained on: "
              "{dataset} ({train} sentences{selection})\n- Test entity F1: **{f1:.1%}** (precision {precision:.1%}, "
              "recall {recall:.1%}, {entities} entities); per type: {per_type}\n- Parameters: {params}\n- Trained "
              "with: `{command}`",
        "zh": "{caveat}**{name}**：双向 {cell}（{layers} 层，每个方向 {hidden} 个单元）为每个词元的每种标签打分；再由{decoder}把分数变成实体。\n\n- 输入：{inputs}\n- "
              "训练数据：{dataset}（{train} 句{selection}）\n- 测试集实体 F1：**{f1:.1%}**（精确率 {precision:.1%}，召回率 {recall:.1%}，共 "
              "{entities} 个实体）；各类型：{per_type}\n- 参数量：{params}\n- 训练命令：`{command}`",
    },
}
