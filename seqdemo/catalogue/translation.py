"""The Translation tab."""

STRINGS = {
    "translation.tab": {"en": "Translation", "zh": "机器翻译"},
    "translation.intro": {
        "en": "An encoder reads the sentence in both directions; a decoder writes the translation one token at a "
              "time, and at every step the attention decides which source words to look at. The heat map shows "
              "those looks.",
        "zh": "编码器从两个方向读入句子；解码器逐个写出译文，每一步由注意力机制决定要看源句中的哪些词。热力图展示了这些注意力。",
    },
    "translation.direction": {"en": "Direction", "zh": "翻译方向"},
    "translation.model": {"en": "Model", "zh": "模型"},
    "translation.input": {"en": "Sentence", "zh": "句子"},
    "translation.input_hint": {"en": "e.g. Where is the train station?", "zh": "例如：你会说英语吗？"},
    "translation.beam": {"en": "Beam width", "zh": "束宽"},
    "translation.beam_info": {
        "en": "How many partial translations to keep at each step (1 = greedy)",
        "zh": "每一步保留多少个候选译文（1 表示贪心解码）",
    },
    "translation.submit": {"en": "Translate", "zh": "翻译"},
    "translation.output": {"en": "Translation", "zh": "译文"},
    "translation.alternatives": {"en": "Beam alternatives (best first)", "zh": "束搜索的候选（最佳在前）"},
    "translation.alternative": {"en": "translation", "zh": "译文"},
    "translation.score": {"en": "score (log-probability, normalised for length)", "zh": "得分（按长度归一化的对数概率）"},
    "translation.examples": {"en": "Examples (click one)", "zh": "示例（点击试试）"},
    "translation.heatmap_title": {
        "en": "Attention: which source words each output word looked at",
        "zh": "注意力：每个输出词关注了源句中的哪些词",
    },
    "translation.source_axis": {"en": "source", "zh": "源句"},
    "translation.output_axis": {"en": "output", "zh": "译文"},
    "translation.wrong_direction.en": {
        "en": "This looks like Chinese, but this model translates from English: choose 中文 → English.",
        "zh": "这看起来是中文，但这个模型是从英文翻译的：请选择“中文 → English”。",
    },
    "translation.wrong_direction.zh": {
        "en": "This looks like English, but this model translates from Chinese: choose English → 中文.",
        "zh": "这看起来是英文，但这个模型是从中文翻译的：请选择“English → 中文”。",
    },
    "translation.copied": {
        "en": "The model could not translate some words and copied them from the sentence as they were: {words}",
        "zh": "模型无法翻译其中一些词，原样照抄了它们：{words}",
    },
    "translation.hover": {"en": "output %{customdata[0]} looked at %{customdata[1]}: %{z:.2f}",
                          "zh": "译文 %{customdata[0]} 关注 %{customdata[1]}：%{z:.2f}"},
    "translation.unknown": {
        "en": "{count} word(s) are unknown to this model; an unknown output word is copied from the source word it "
              "attended to.",
        "zh": "有 {count} 个词这个模型不认识；译文中的未知词会从它最关注的源词复制过来。",
    },
    "translation.no_attention": {
        "en": "This model has no attention, so there is no heat map: it squeezes the whole sentence into one vector.",
        "zh": "此模型没有注意力层，因此没有热力图：它把整个句子压缩成一个向量。",
    },
    "translation.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "translation.card.attention": {
        "en": "Bahdanau attention over the encoder's outputs",
        "zh": "对编码器输出使用 Bahdanau 注意力",
    },
    "translation.card.no_attention": {
        "en": "no attention: one fixed summary of the sentence",
        "zh": "不使用注意力：整个句子只用一个固定向量表示",
    },
    "translation.card.body": {
        "en": "**{name}**: a bidirectional {cell} encoder ({hidden} units each way) and a {cell} decoder "
              "({decoder} units), {attention}.\n\n- Trained on: {dataset} ({train} pairs)\n- Test BLEU: "
              "**{bleu:.1f}** with beam width {beam} (greedy {greedy:.1f}) on {test} pairs it never saw\n- "
              "Parameters: {params}\n- Trained with: `{command}`",
        "zh": "**{name}**：双向 {cell} 编码器（每个方向 {hidden} 个单元）与 {cell} 解码器（{decoder} 个单元），{attention}。\n\n- 训练数据："
              "{dataset}（{train} 对）\n- 测试 BLEU：**{bleu:.1f}**（束宽 {beam}；贪心解码 {greedy:.1f}），基于 {test} 对从未见过的句子\n- 参数量："
              "{params}\n- 训练命令：`{command}`",
    },
}
