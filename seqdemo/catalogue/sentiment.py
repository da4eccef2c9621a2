"""The Sentiment tab and its model card."""

STRINGS = {
    "sentiment.tab": {"en": "Sentiment", "zh": "情感分析"},
    "sentiment.intro": {
        "en": "Type a review. The model says whether it is **positive** or **negative**, how sure it is, and "
              "shades the words it paid most attention to.",
        "zh": "输入一条评论。模型会判断它是**正面**还是**负面**、有多大把握，并把它最关注的词语用颜色标出。",
    },
    "sentiment.model": {"en": "Model", "zh": "模型"},
    "sentiment.model_info": {
        "en": "English models read English, the Chinese model reads Chinese. The figure is accuracy on reviews the "
              "model never saw in training.",
        "zh": "英文模型读英文，中文模型读中文。百分比是模型在训练时从未见过的测试评论上的准确率。",
    },
    "sentiment.input": {"en": "Review", "zh": "评论"},
    "sentiment.placeholder": {
        "en": "e.g. The plot was thin, but the acting was superb.",
        "zh": "例如：物流很快，质量也不错，就是价格有点贵。",
    },
    "sentiment.submit": {"en": "Classify", "zh": "分析情感"},
    "sentiment.clear": {"en": "Clear", "zh": "清空"},
    "sentiment.examples": {"en": "Examples (click one)", "zh": "示例（点击试试）"},
    "sentiment.result": {"en": "Prediction and confidence", "zh": "预测结果与置信度"},
    "sentiment.weights.attention": {
        "en": "Attention: darker words weighed more in the decision",
        "zh": "注意力：颜色越深的词对判断影响越大",
    },
    "sentiment.weights.saliency": {
        "en": "Saliency (this model has no attention): darker words changed the score most",
        "zh": "显著性（此模型没有注意力层）：颜色越深的词对分数影响越大",
    },
    "sentiment.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "sentiment.verdict": {"en": "**{label}**, {sureness} ({percent}).", "zh": "**{label}**，{sureness}（{percent}）。"},
    "confidence.very": {"en": "the model is very sure", "zh": "模型非常确定"},
    "confidence.fairly": {"en": "the model is fairly sure", "zh": "模型比较确定"},
    "confidence.leaning": {"en": "the model leans this way but could well be wrong", "zh": "模型倾向于这个判断，但很可能出错"},
    "confidence.unsure": {"en": "the model is unsure: it is close to a coin toss", "zh": "模型没有把握：几乎是在猜"},
    "sentiment.card.body": {
        "en": "**{name}** reads the text as {tokens}, turns each into a {emb}-number vector ({embeddings}), and "
              "runs a {direction} {cell} with {layers} layer(s) of {hidden} units over them. {bigrams}{pooling} "
              "The result goes to a classifier that outputs *negative* or *positive*.\n\n- Trained on: {dataset} "
              "({train} examples)\n- Test accuracy: **{accuracy}** on {test} reviews it never saw (macro-F1 {f1})\n- "
              "Parameters: {params}\n- Trained with: `{command}`",
        "zh": "**{name}** 把文本切分为{tokens}，把每个单元变成 {emb} 维向量（{embeddings}），再用 {layers} 层、每层 {hidden} 个单元的{direction} "
              "{cell} 依次读取。{bigrams}{pooling}最后由分类器输出*负面*或*正面*。\n\n- 训练数据：{dataset}（{train} 条）\n- 测试准确率："
              "**{accuracy}**，基于 {test} 条从未见过的评论（macro-F1 {f1}）\n- 参数量：{params}\n- 训练命令：`{command}`",
    },
    "card.tokens.en_words": {"en": "words", "zh": "英文单词"},
    "card.tokens.zh_chars": {"en": "single Chinese characters", "zh": "单个汉字"},
    "card.embeddings.random": {"en": "learned from scratch", "zh": "从零学习"},
    "card.embeddings.glove_frozen": {"en": "pretrained GloVe vectors, kept fixed", "zh": "预训练 GloVe 词向量，保持不变"},
    "card.embeddings.glove_tuned": {"en": "pretrained GloVe vectors, fine-tuned", "zh": "预训练 GloVe 词向量，并继续微调"},
    "card.bigrams.yes": {
        "en": "Each position also gets a vector for itself and its right neighbour together (a bigram: for "
              "Chinese, often a word). ",
        "zh": "每个位置还加上它与右边相邻字组成的二元组（bigram，在中文里常常就是一个词）的向量。",
    },
    "card.direction.bi": {"en": "bidirectional", "zh": "双向"},
    "card.direction.uni": {"en": "left-to-right", "zh": "单向（从左到右）"},
    "card.pooling.attention": {
        "en": "An attention layer scores every word and averages the states by those scores. ",
        "zh": "注意力层给每个词打分，并按分数对各位置的状态加权平均。",
    },
    "card.pooling.max": {
        "en": "Each feature keeps its largest value over the text (max pooling). ",
        "zh": "每个特征取全文中的最大值（最大池化）。",
    },
    "card.pooling.mhsa": {
        "en": "Several attention heads, each with its own learned query, score every word; each head averages the "
              "states its own way and the averages are joined. ",
        "zh": "多个注意力头各有自己学习到的查询向量，分别给每个词打分；每个头按自己的方式对状态加权平均，再把结果拼接起来。",
    },
    "sentiment.heads": {"en": "Each attention head on its own", "zh": "每个注意力头各自的权重"},
    "sentiment.head": {"en": "Head {number}: darker words weighed more for this head", "zh": "第 {number} 个头：颜色越深的词在这个头里权重越大"},
    "card.pooling.last": {"en": "The state after the last word summarises the text. ", "zh": "读完最后一个词时的状态作为全文的概括。"},
    "label.negative": {"en": "negative", "zh": "负面"},
    "label.positive": {"en": "positive", "zh": "正面"},
}
