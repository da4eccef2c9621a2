"""The tutorial map: every concept of the Chinese tutorial, and where a user meets it in the app.

One entry per concept of the tutorial's concept list, numbered as there. The status says how the
concept is met: "seen" (it works visibly somewhere: a tab's output, a chart, a card), "setting"
(only a Train setting or a command-line flag, named exactly) or "not covered" (the text says why).
`markdown()` renders the table the README carries between its `tutorial-map` markers.
"""

from dataclasses import dataclass

STATUSES = ("seen", "setting", "not covered")
STATUS_WORDS = {
    "en": {"seen": "seen", "setting": "setting", "not covered": "not covered"},
    "zh": {"seen": "可以看到", "setting": "训练设置", "not covered": "未涵盖"},
}
LANGUAGES = tuple(STATUS_WORDS)
README_START, README_END = "<!-- tutorial-map:start -->", "<!-- tutorial-map:end -->"

_HEADERS = {
    "en": ("#", "concept", "tutorial sections", "where in the app"),
    "zh": ("#", "概念", "教程章节", "在应用中的位置"),
}
_LEGEND = {
    "en": "Sections: A is the tutorial's first article (§1-§10), B its second (numbered again from 3.3). "
          "**seen**: it works visibly in a tab, chart or card; **setting**: only a Train setting or "
          "command-line flag; **not covered**: not in the app, and why.",
    "zh": "章节：A 指教程的第一篇文章（§1-§10），B 指第二篇（从 3.3 重新编号）。**可以看到**：在某个标签页、"
          "图表或卡片中能直接看到它的效果；**训练设置**：只能在训练页或命令行参数中设置；**未涵盖**：应用中没有，"
          "并说明原因。",
}


@dataclass(frozen=True)
class Concept:
    number: int
    name_en: str
    name_zh: str
    sections: str  # A§ / B§ as in the concept list; "code" marks sections that only show code
    where_en: str
    where_zh: str
    status: str

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"concept {self.number}: status {self.status!r} is not one of {STATUSES}")

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def where(self, lang: str) -> str:
        return self.where_zh if lang == "zh" else self.where_en


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        1, "RNN recurrence h_t = tanh(W_x x_t + W_h h_{t-1} + b), the unrolled graph",
        "RNN 的递推 h_t = tanh(W_x x_t + W_h h_{t-1} + b)，展开后的计算图",
        "A1.1-1.2; code A3.2, A4.2, B4.1",
        "Lab → Gradient flow follows a plain RNN's gradient back through its unrolled steps, and Lab → Memory "
        "over distance trains one beside LSTM and GRU. Every task trains one with `--cell rnn` (Train: "
        "*recurrent cell*).",
        "实验室 → 梯度流：沿展开后的各个时间步，追踪普通 RNN 的梯度如何向回传播；实验室 → 记忆与距离：把 RNN "
        "与 LSTM、GRU 放在一起训练。每个任务都能用 `--cell rnn`（训练页的“循环单元”）训练普通 RNN。",
        "seen",
    ),
    Concept(
        2, "backpropagation through time; truncated BPTT",
        "随时间反向传播（BPTT）；截断 BPTT",
        "A1.2, A9.6",
        "Lab → Gradient flow plots the gradient against distance back in time: backpropagation through time "
        "made visible. Truncated BPTT: the Text generation cards say the model trained on chunks of 128 "
        "characters, carrying its state from one chunk to the next; set the chunk with `--bptt` (generation).",
        "实验室 → 梯度流：画出梯度随“往回多少步”的变化，把随时间反向传播直接摆在眼前。截断 BPTT：文本生成页的"
        "模型卡片写明，模型按每段 128 个字符训练，并把状态带到下一段；片段长度用 `--bptt`（文本生成）设置。",
        "seen",
    ),
    Concept(
        3, "vanishing / exploding gradients, long-range dependencies, why the cell-state path helps",
        "梯度消失 / 爆炸、长程依赖，以及细胞状态通路为何有帮助",
        "A1.3, A2.3, A9.2, A9.4",
        "Lab → Gradient flow: the gradient of an RNN, LSTM and GRU shrinking or blowing up with distance, with "
        "controls for the recurrent-weight scale and the forget-gate bias. Lab → Memory over distance: "
        "each cell's error on the adding problem as the gap grows.",
        "实验室 → 梯度流：RNN、LSTM、GRU 的梯度随距离衰减或爆炸，可以调节循环权重的缩放和遗忘门偏置。"
        "实验室 → 记忆与距离：在“加法问题”上，随着间隔变长，每种单元的误差如何变化。",
        "seen",
    ),
    Concept(
        4, "the LSTM as a model",
        "LSTM 模型",
        "A2, A3.3, A4.3, B3.3, B4.2",
        "Most shipped models are LSTMs, and their *How this model works* cards say so: Sentiment (BiLSTM), "
        "Text generation, Named entities (BiLSTM-CRF), Stocks and both parts of Medical monitoring. "
        "`--cell lstm` is the default of every task but translation.",
        "大多数内置模型都是 LSTM，各自的“这个模型如何工作”卡片都有说明：情感分析（双向 LSTM）、文本生成、"
        "命名实体（BiLSTM-CRF）、股价预测，以及医疗监测的两个部分。除机器翻译外，所有任务默认 `--cell lstm`。",
        "seen",
    ),
    Concept(
        5, "LSTM gates and cell state (forget, input, output, candidate, C_t)",
        "LSTM 的门与细胞状态（遗忘门、输入门、输出门、候选值、C_t）",
        "A2.1-2.2",
        "Lab → Inside the cell: heat maps of each gate (forget, input, output) and of the cell state, token by "
        "unit, for a sentence you type into a shipped sentiment model, with the prediction after each word.",
        "实验室 → 单元内部：对你输入内置情感模型的句子，按“词元 × 单元”画出每个门（遗忘门、输入门、输出门）"
        "和细胞状态的热力图，并给出读到每个词之后的预测。",
        "seen",
    ),
    Concept(
        6, "GRU (reset and update gates); LSTM vs GRU",
        "GRU（重置门与更新门）；LSTM 与 GRU 的比较",
        "A2.4, A9.3",
        "The Translation models are GRUs (a bidirectional GRU encoder and a GRU decoder; see their card). "
        "Lab → Gradient flow and Lab → Memory over distance put GRU beside LSTM and RNN. Any task trains one "
        "with `--cell gru`; stocks and glucose also have `--preset gru` for the comparison.",
        "机器翻译的模型是 GRU（双向 GRU 编码器加 GRU 解码器，见模型卡片）。实验室 → 梯度流和实验室 → 记忆与"
        "距离把 GRU 与 LSTM、RNN 并排比较。任何任务都能用 `--cell gru` 训练 GRU；股价和血糖任务还有专门用于"
        "对比的 `--preset gru`。",
        "seen",
    ),
    Concept(
        7, "bidirectional RNNs",
        "双向 RNN",
        "A3.2, A4.4, B4.3, A9.5",
        "The shipped Sentiment, Named entities and heartbeat (Medical monitoring) models and the Translation "
        "encoder read both ways, and their cards say so. Switch it with `--bidirectional` / "
        "`--no-bidirectional` (sentiment, heartbeats; Train: *read both ways*); the NER and translation "
        "encoders are always bidirectional.",
        "内置的情感分析、命名实体、心搏分类（医疗监测）模型以及机器翻译的编码器都从两个方向读取，卡片上有说明。"
        "用 `--bidirectional` / `--no-bidirectional` 切换（情感分析、心搏分类；训练页的“双向读取”）；命名实体"
        "和机器翻译的编码器始终是双向的。",
        "seen",
    ),
    Concept(
        8, "stacked layers (also different widths per layer)",
        "多层堆叠（以及每层不同的宽度）",
        "A3.2, B5.1, A9.5",
        "The Shakespeare model in Text generation is a 2-layer LSTM (its card gives the layers). `--layers` "
        "1-4 in every task (Train: *layers*). Different widths per layer are not offered: `--hidden-size` "
        "sets every layer alike.",
        "文本生成中的莎士比亚模型是两层 LSTM（卡片上写有层数）。所有任务都能用 `--layers` 设置 1 到 4 层"
        "（训练页的“层数”）。不支持每层不同的宽度：`--hidden-size` 对所有层统一生效。",
        "seen",
    ),
    Concept(
        9, "preprocessing: tokens, vocabulary, ids, `<unk>`, stop words",
        "预处理：分词、词表、编号、`<unk>`、停用词",
        "A3.1, A4.1, B4.1, B6.1, A5.1",
        "Sentiment shows your text again as the tokens the model read and warns when most words are unknown "
        "to it; Text generation and Translation say how many input tokens the model did not know (read as "
        "`<unk>`). "
        "Vocabulary: `--min-freq`, `--max-vocab`. Stop words are never removed: every word is kept.",
        "情感分析页把你的文本按模型读到的词元重新显示，大部分词都不认识时会提醒；文本生成和机器翻译会说明有"
        "多少输入词元模型不认识（按 `<unk>` 处理）。词表由 `--min-freq`、`--max-vocab` 控制。不去除停用词："
        "每个词都保留。",
        "seen",
    ),
    Concept(
        10, "padding, truncation, packed sequences, padding masks",
        "填充、截断、打包序列、填充掩码",
        "A3.1-3.2, A6.3, B4.1",
        "Sentiment says when it cut a long review (it keeps the beginning and end, 1,000 tokens in all, and a "
        "“…” marks the gap); training cuts with `--max-tokens`. Padding masks work inside every model "
        "(attention gives padding zero weight) but are not shown. Packed sequences are not used: each "
        "direction reads every sequence reversed within its own length, the same result and much faster on "
        "a CPU (see the README).",
        "情感分析页截断长评论时会说明（保留开头和结尾，共 1,000 个词元，用“…”标出省略处）；训练时用 "
        "`--max-tokens` 截断。每个模型内部都使用填充掩码（注意力给填充位置的权重为零），但界面上不显示。"
        "没有使用打包序列：每个方向都在序列自身的长度内反转后读取，结果相同，在 CPU 上快得多（见 README）。",
        "seen",
    ),
    Concept(
        11, "the embedding layer and its size",
        "嵌入层及其维数",
        "A3.2",
        "The Sentiment card gives each model's vector size (50 for the English model's GloVe vectors, 128 for "
        "the Chinese model); set it with `--embedding-dim` (Train: *vector size*).",
        "情感分析的模型卡片给出每个模型的向量维数（英文模型的 GloVe 向量为 50 维，中文模型为 128 维）；"
        "用 `--embedding-dim` 设置（训练页的“向量维数”）。",
        "seen",
    ),
    Concept(
        12, "pretrained GloVe (frozen vs fine-tuned); Word2Vec / FastText",
        "预训练 GloVe 词向量（冻结与微调）；Word2Vec / FastText",
        "A6.4, B5.3, A9.5",
        "The English model in Sentiment starts from GloVe 50d and fine-tunes it, as its card says; the English "
        "Named entities models read GloVe too. Choose with `--embeddings random|glove_frozen|glove_tuned` "
        "(sentiment and NER, English only). Word2Vec and FastText are not offered: the app's only "
        "pretrained vectors are GloVe 6B 50d.",
        "情感分析中的英文模型以 50 维 GloVe 为起点并继续微调，卡片上有说明；英文命名实体模型也使用 GloVe。"
        "用 `--embeddings random|glove_frozen|glove_tuned` 选择（情感分析与命名实体，仅限英文）。不提供 "
        "Word2Vec 和 FastText：应用中唯一的预训练词向量是 GloVe 6B 50 维。",
        "seen",
    ),
    Concept(
        13, "dropout placement; recurrent dropout",
        "Dropout 的位置；循环 Dropout",
        "A6.2",
        "`--dropout` (Train: *dropout*, under Advanced settings): one rate on the inputs, between stacked "
        "layers and before the output layer. Recurrent dropout (on the state between time steps) is not "
        "offered: PyTorch's fused recurrent layers, which the app uses, have none.",
        "`--dropout`（训练页“高级设置”中的“Dropout”）：同一个比例作用于输入、堆叠层之间以及输出层之前。"
        "不提供循环 Dropout（作用于时间步之间的状态）：应用所用的 PyTorch 融合循环层不支持。",
        "setting",
    ),
    Concept(
        14, "gradient clipping",
        "梯度裁剪",
        "A3.4, A6.1, B6.3, B7.1",
        "`--clip` (Train: *gradient clipping*, under Advanced settings): the largest allowed gradient norm, "
        "1.0 by default, 0 turns it off. A job whose loss becomes NaN or infinite stops with a message that "
        "suggests a lower learning rate or clipping.",
        "`--clip`（训练页“高级设置”中的“梯度裁剪”）：允许的最大梯度范数，默认 1.0，设为 0 即关闭。训练损失"
        "一旦变成 NaN 或无穷大，任务就会停止，并提示降低学习率或使用梯度裁剪。",
        "setting",
    ),
    Concept(
        15, "attention pooling for classification (masking, interpretability)",
        "用于分类的注意力池化（掩码、可解释性）",
        "A6.3, B5.2, B9.3, B10.1",
        "Sentiment shades each word by its attention weight; Medical monitoring draws the heartbeat model's "
        "attention as red bars under the trace. Padding gets exactly zero weight. `--pooling "
        "attention|max|last` (sentiment, heartbeats; Train: *pooling*); in Sentiment, a model without "
        "attention is shaded by gradient × input instead.",
        "情感分析页按注意力权重给每个词着色；医疗监测页在心电波形下方用红色柱条画出心搏模型的注意力。填充位置"
        "的权重严格为零。用 `--pooling attention|max|last` 选择（情感分析、心搏分类；训练页的“池化方式”）；"
        "在情感分析页，没有注意力的模型改用“梯度 × 输入”着色。",
        "seen",
    ),
    Concept(
        16, "dot-product self-attention, multi-head attention",
        "点积自注意力、多头注意力",
        "A6.3, B7.3, B8.3",
        "Train's pooling setting offers `mhsa` (`--pooling mhsa --heads N`) for Sentiment and heartbeats: "
        "multi-head scaled dot-product attention, each head with its own learned query over the BiLSTM's "
        "states. A Sentiment model trained with it shades each head's weights on its own under the answer. "
        "Self-attention between the tokens themselves: `--cell transformer` builds the encoder from "
        "Transformer layers instead of recurrent ones.",
        "训练页的“池化方式”设置为情感分析和心跳分类提供 `mhsa`（`--pooling mhsa --heads N`）：多头缩放点积注意力，每个头"
        "用自己学习到的查询向量读取 BiLSTM 的状态。用它训练的情感模型会在结果下方分别显示每个头的权重。词元之间相互的"
        "自注意力：`--cell transformer` 用 Transformer 层代替循环层构建编码器。",
        "setting",
    ),
    Concept(
        17, "encoder-decoder with a fixed context vector",
        "使用固定上下文向量的编码器-解码器",
        "A5.3, B6.3",
        "Translation, English → Chinese: pick the model without attention. The tab says it squeezes the "
        "sentence into one vector and shows no heat map; the model list and its card give its test BLEU, to "
        "compare with the attention models'. Train: `--preset no_attention` or `--no-attention`.",
        "机器翻译（English → 中文）：选择不带注意力的模型。页面会说明它把整句压缩成一个向量，也不显示热力图；"
        "模型列表和卡片给出它的测试 BLEU，可与带注意力的模型对比。训练：`--preset no_attention` 或 "
        "`--no-attention`。",
        "seen",
    ),
    Concept(
        18, "Bahdanau attention in seq2seq",
        "序列到序列模型中的 Bahdanau 注意力",
        "A5.3",
        "Translation: the heat map shows which source word each output word looked at, and the card names "
        "Bahdanau attention. `--attention` (on by default).",
        "机器翻译：热力图显示每个输出词关注了源句中的哪些词，模型卡片注明使用 Bahdanau 注意力。"
        "`--attention`（默认开启）。",
        "seen",
    ),
    Concept(
        19, "teacher forcing",
        "教师强制",
        "B6.3",
        "`--teacher-forcing` (translation; Train: *teacher forcing*): the share of training steps fed the true "
        "previous word rather than the model's guess; 1.0 by default and in the shipped models.",
        "`--teacher-forcing`（机器翻译；训练页的“教师强制”）：训练时输入真实的上一个词、而不是模型自己猜的词的"
        "步数比例；默认为 1.0，内置模型也是如此。",
        "setting",
    ),
    Concept(
        20, "greedy step-by-step decoding",
        "逐步贪心解码",
        "A5.3, B6.3",
        "Translation: a beam width of 1 decodes greedily, and every card gives greedy BLEU beside beam BLEU. "
        "Text generation writes step by step as you watch; temperature 0 always takes the likeliest token.",
        "机器翻译：束宽设为 1 即为贪心解码，每张模型卡片都同时给出贪心解码和束搜索的 BLEU。文本生成页一步一步"
        "地写出文本；温度为 0 时总是选最可能的词元。",
        "seen",
    ),
    Concept(
        21, "BiLSTM-CRF: transitions, forward algorithm, Viterbi",
        "BiLSTM-CRF：转移分数、前向算法、Viterbi 解码",
        "A5.4",
        "Named entities: a BiLSTM scores every tag and a CRF picks the best whole path (Viterbi, with BIO "
        "rules that forbid impossible moves); the confidence column is the CRF's marginal probability, from "
        "the forward-backward algorithm. Compare the English CRF and softmax models in the picker; train "
        "with `--decoder crf|softmax` or `--preset softmax`. Lab → CRF paths puts each token's best tag on its "
        "own beside the Viterbi path, with the path's probability and the learned transition scores.",
        "命名实体：BiLSTM 为每种标签打分，CRF 从整体上选出最佳路径（Viterbi 解码，BIO 规则禁止不可能的转移）；"
        "“置信度”一列是 CRF 用前向-后向算法算出的边缘概率。可以在模型列表中对比英文的 CRF 模型和 softmax "
        "模型；训练时用 `--decoder crf|softmax` 或 `--preset softmax`。实验室 → CRF 路径把每个词单独最佳的标签"
        "与维特比路径并排列出，并给出路径概率和学到的转移分数。",
        "seen",
    ),
    Concept(
        22, "character- and word-level generation",
        "字符级与词级文本生成",
        "A5.2, B6.2",
        "Text generation: both shipped models write character by character (Shakespeare, Tang poems). "
        "Word-level models train with `--dataset shakespeare_words`; none is shipped.",
        "文本生成：两个内置模型都逐字符生成（莎士比亚、唐诗）。词级模型可用 `--dataset shakespeare_words` "
        "训练，但没有内置的词级模型。",
        "seen",
    ),
    Concept(
        23, "temperature sampling",
        "温度采样",
        "A5.2, B6.2",
        "Text generation: the *Temperature* box (0 = always the likeliest token, up to 5), with top-k, top-p "
        "and a seed; each token is shaded by the probability it had when it was chosen.",
        "文本生成：“温度”输入框（0 表示总选最可能的词元，最高为 5），另有 top-k、top-p 和随机种子；每个词元"
        "按它被选中时的概率着色。",
        "seen",
    ),
    Concept(
        24, "LayerNorm / BatchNorm for RNNs",
        "RNN 中的 LayerNorm / BatchNorm",
        "A9.4, B7.1",
        "`--layer-norm` (Train: *layer normalisation*, LSTM only): LayerNorm inside the cell, on each gate's "
        "input and recurrent parts and on the cell state; stepped in Python, about 4 times slower to train on a "
        "CPU than the fused kernel, as its help says. No shipped model uses it. Recurrent BatchNorm is not "
        "offered; the only BatchNorm is in the heartbeat model's convolutions (`--conv-channels`).",
        "`--layer-norm`（训练页的“层归一化”，仅限 LSTM）：在单元内部对各门的输入部分、循环部分和细胞状态做 LayerNorm；"
        "逐步运行，在 CPU 上训练比融合内核慢约 4 倍，帮助文字里有说明。发布的模型都没有使用它。不提供循环 BatchNorm；"
        "唯一的 BatchNorm 在心搏模型的卷积部分（`--conv-channels`）。",
        "setting",
    ),
    Concept(
        25, "learning-rate schedules",
        "学习率调度",
        "B7.2",
        "`--schedule plateau|cosine` and `--lr-patience` (Train: *learning-rate schedule*, *plateau "
        "patience*): halve the rate when validation stalls, or a cosine decay after a short warm-up. A job's "
        "log in the Train tab prints each epoch's learning rate.",
        "`--schedule plateau|cosine` 与 `--lr-patience`（训练页的“学习率调度”“停滞耐心”）：验证分数停滞时把"
        "学习率减半，或在短暂预热后按余弦曲线衰减。训练页中任务的日志会打印每一轮的学习率。",
        "setting",
    ),
    Concept(
        26, "weight decay",
        "权重衰减",
        "B7.2",
        "`--weight-decay` (Train: *weight decay*), 0.01 by default: decoupled with `--optimizer adamw` (the "
        "default), an L2 penalty added to the gradient with `--optimizer adam`, as the tutorial writes it.",
        "`--weight-decay`（训练页的“权重衰减”），默认 0.01：默认的 `--optimizer adamw` 中与梯度更新解耦，"
        "`--optimizer adam` 中作为加到梯度上的 L2 惩罚，与教程的写法相同。",
        "setting",
    ),
    Concept(
        27, "early stopping, keeping the best epoch",
        "早停，保留最佳轮次",
        "A3.4, B7.2",
        "`--patience` (Train: *early-stopping patience*): epochs without a better validation score before "
        "stopping. Every run keeps its best epoch's weights; the Train tab's job table shows the best "
        "validation score.",
        "`--patience`（训练页的“早停耐心”）：验证分数连续多少轮没有提高就停止训练。每次训练都保留验证分数最好"
        "那一轮的权重；训练页的任务表显示最佳验证分数。",
        "setting",
    ),
    Concept(
        28, "optimisers (Adam, RMSprop)",
        "优化器（Adam、RMSprop）",
        "A5.2, A9.5",
        "`--optimizer adam|adamw|rmsprop` (Train: *optimiser*), with `--lr`.",
        "`--optimizer adam|adamw|rmsprop`（训练页的“优化器”），学习率用 `--lr`。",
        "setting",
    ),
    Concept(
        29, "initialisation (Xavier/He, orthogonal), forget-gate bias, residual connections",
        "初始化（Xavier/He、正交）、遗忘门偏置、残差连接",
        "A9.4",
        "Lab → Gradient flow: its recurrent-weight scale and forget-gate bias controls show how starting "
        "weights change the gradient. Training sets them with `--init default|xavier|orthogonal` and "
        "`--forget-bias` (Train: *starting weights*, *forget-gate bias*, under Advanced settings). He "
        "initialisation and residual connections are not offered.",
        "实验室 → 梯度流：用循环权重缩放和遗忘门偏置两个控件，可以看到初始权重如何改变梯度。训练时用 "
        "`--init default|xavier|orthogonal` 和 `--forget-bias` 设置（训练页“高级设置”中的“初始权重”“遗忘门偏置”）。"
        "不提供 He 初始化和残差连接。",
        "seen",
    ),
    Concept(
        30, "hyperparameter tuning",
        "超参数调优",
        "A9.5, B10.3",
        "Train: every setting has a label, its meaning and its range, and *Compare jobs* sets several runs' "
        "curves and results side by side. `python -m seqdemo crossvalidate` (sentiment, NER, heartbeats; "
        "command line only) compares settings by k-fold cross-validation. There is no automatic search.",
        "训练页：每个设置都有名称、含义和取值范围；“对比任务”把多次训练的曲线和结果并排展示。"
        "`python -m seqdemo crossvalidate`（情感分析、命名实体、心搏分类；仅限命令行）用 k 折交叉验证比较设置。"
        "没有自动搜索。",
        "seen",
    ),
    Concept(
        31, "evaluation metrics (accuracy, precision, recall, F1, MAE/MSE/RMSE)",
        "评估指标（准确率、精确率、召回率、F1、MAE/MSE/RMSE）",
        "A5.1, B9.2, B9.3",
        "Sentiment: test accuracy and macro-F1 on the card. Named entities: entity precision, recall and F1, "
        "and each type's F1. Medical monitoring: per-class precision, recall, F1 and the confusion matrix for "
        "heartbeats; RMSE, MAE and the alerts' precision and recall for glucose. Stocks: MAE, RMSE, MAPE and "
        "direction for the model and both baselines.",
        "情感分析：卡片给出测试准确率和宏平均 F1。命名实体：实体的精确率、召回率和 F1，以及各类型的 F1。"
        "医疗监测：心搏的各类精确率、召回率、F1 和混淆矩阵；血糖的 RMSE、MAE 以及警报的精确率和召回率。"
        "股价预测：模型和两个基线的 MAE、RMSE、MAPE 与方向正确率。",
        "seen",
    ),
    Concept(
        32, "training/validation curves; RNN vs LSTM vs BiLSTM (the one figure, \"Model Accuracy\" / "
        "\"Model Loss\")",
        "训练/验证曲线；RNN、LSTM 与双向 LSTM 的对比（教程中唯一的图：“Model Accuracy” / “Model Loss”）",
        "A4.5",
        "Train: a job's loss curves (training and validation) and validation-metric curve, live. *Compare "
        "jobs* overlays several jobs, say RNN, LSTM and BiLSTM on the same data, and tabulates their "
        "results: the tutorial's figure, from your own runs. Lab → RNN vs LSTM vs BiLSTM shows it already "
        "trained: three small shipped IMDB models, one recipe, their curves and test accuracy side by side.",
        "训练页：实时显示任务的损失曲线（训练集与验证集）和验证指标曲线。“对比任务”可以把几个任务叠在一起，"
        "例如同一份数据上的 RNN、LSTM 和双向 LSTM，并列表比较结果：用你自己的训练重现教程中的那张图。"
        "实验室 → RNN、LSTM 与 BiLSTM 直接展示已训练好的对比：三个随应用发布的小型 IMDB 模型，同一配方，曲线和测试准确率并列。",
        "seen",
    ),
    Concept(
        33, "Keras/TensorFlow vs PyTorch",
        "Keras/TensorFlow 与 PyTorch 的对比",
        "A4, B4",
        "The app is written in PyTorch only; the tutorial's Keras/TensorFlow versions have no "
        "counterpart.",
        "应用只用 PyTorch 编写，教程中的 Keras/TensorFlow 版本在应用里没有对应。",
        "not covered",
    ),
    Concept(
        34, "deployment, real-time inference, device",
        "部署、实时推理、运行设备",
        "A5.1, A3.2",
        "The app itself: every tab answers at once from loaded checkpoints, and Text generation streams its "
        "text as it writes. The footer names the device; choose it with `app.py --device auto|cpu|cuda|mps`, "
        "and for training with `--device`.",
        "应用本身就是一次部署：每个标签页都用已加载的模型即时作答，文本生成边写边显示。页脚显示模型运行的设备；"
        "用 `app.py --device auto|cpu|cuda|mps` 选择，训练时用 `--device`。",
        "seen",
    ),
    Concept(
        35, "very long sequences (O(T) cost, memory, no parallelism), hierarchical RNNs",
        "超长序列（O(T) 的计算量、内存、难以并行）、分层 RNN",
        "A9.6, B10.1",
        "Nothing measures how time and memory grow with length, and there is no hierarchical "
        "RNN. Long inputs are cut instead (Sentiment keeps 1,000 tokens and says so; Named entities reads "
        "sentences over 250 tokens in pieces); truncated BPTT is under 2.",
        "没有任何地方展示时间和内存如何随长度增长，也没有分层 RNN。过长的输入会被截断（情感分析保留 "
        "1,000 个词元并会说明；命名实体把超过 250 个词元的句子分段读取）；截断 BPTT 见第 2 条。",
        "not covered",
    ),
    Concept(
        36, "RNN + Transformer hybrids, recurrent Transformers",
        "RNN 与 Transformer 的混合模型、循环 Transformer",
        "A7.1, B8.1",
        "A Transformer encoder is offered only as a baseline to compare the recurrent cells with "
        "(`--cell transformer`); there is no hybrid of the two and no recurrent Transformer.",
        "Transformer 编码器只作为与循环单元对照的基线（`--cell transformer`）；没有两者的混合模型，也没有循环 Transformer。",
        "not covered",
    ),
    Concept(
        37, "structured state-space models (S4); the tutorial's own `S4Layer` returns the wrong shape for "
        "batch > 1",
        "结构化状态空间模型（S4）；教程自带的 `S4Layer` 在批大小大于 1 时输出形状错误",
        "B8.2",
        "Train's cell setting offers `s4d` (`--cell s4d`): a diagonal state-space layer after S4D (S4D-Lin "
        "start, zero-order hold, a learned step size per channel) for every task but translation's decoder. It "
        "trains as one FFT convolution over the sequence and generates by stepping its recurrence; both give "
        "the same numbers. (The tutorial's `S4Layer` could not be used as written: it returns the wrong shape "
        "for batches of more than one.)",
        "训练页的“循环单元”设置提供 `s4d`（`--cell s4d`）：仿照 S4D 的对角状态空间层（S4D-Lin 初始化、零阶保持离散化、"
        "每个通道学习自己的步长），除翻译的解码器外所有任务都可使用。训练时把整个序列作为一次 FFT 卷积计算，生成时逐步"
        "递推，两种方式结果相同。（教程中的 `S4Layer` 无法照搬：批大小大于 1 时它的输出形状不对。）",
        "setting",
    ),
    Concept(
        38, "distillation, pruning, int8 quantisation, compression",
        "蒸馏、剪枝、int8 量化、模型压缩",
        "A7.2",
        "The Lab's Pruning view zeroes 0-90 % of a classifier's smallest weights, layer by layer, and shows "
        "accuracy, compressed size and the time for one input at each share, with an \"int8 weights\" box beside "
        "it; `python app.py --int8-on-cpu` serves text generation and translation with int8 weights. Train's "
        "sentiment settings take a teacher (`--teacher`): a small student learns from the shipped BiLSTM's "
        "softened answers (`sentiment-comparison/imdb-gru-distilled`). `--amp` (mixed-precision training) does "
        "not make a model smaller.",
        "实验室的“剪枝”视图把分类器每层中最小的 0-90% 权重置零，并显示每个比例下的准确率、压缩后大小和单个输入的耗时，"
        "旁边可勾选“int8 权重”；`python app.py --int8-on-cpu` 让文本生成和翻译以 int8 权重运行。训练页的情感分析设置"
        "可以选择教师模型（`--teacher`）：小的学生模型从已发布 BiLSTM 的软化输出中学习"
        "（`sentiment-comparison/imdb-gru-distilled`）。`--amp`（混合精度训练）不会让模型变小。",
        "seen",
    ),
    Concept(
        39, "transfer learning with BERT/GPT; pretrained LSTM encoders",
        "用 BERT/GPT 做迁移学习；预训练的 LSTM 编码器",
        "B5.3, B8.3",
        "The app uses no BERT, GPT or pretrained recurrent encoder; every model learns from its "
        "own task's data, and GloVe word vectors (12) are the only pretrained part.",
        "应用不使用 BERT、GPT 或预训练的循环编码器；每个模型都只从本任务的数据中学习，唯一预训练的部分"
        "是 GloVe 词向量（第 12 条）。",
        "not covered",
    ),
    Concept(
        40, "multimodal RNNs",
        "多模态 RNN",
        "A7.3",
        "Every model reads one kind of input (text, prices, glucose readings or an ECG trace).",
        "每个模型只读一种输入（文本、股价、血糖读数或心电波形）。",
        "not covered",
    ),
    Concept(
        41, "graph RNNs",
        "图循环神经网络",
        "A7.4",
        "No task has graph-structured data, and no graph network is implemented.",
        "没有任务使用图结构的数据，也没有实现图神经网络。",
        "not covered",
    ),
    Concept(
        42, "sentiment case (binary; 3-class)",
        "情感分析案例（二分类；三分类）",
        "A5.1, B6.1",
        "Sentiment: positive or negative, in English (IMDB reviews and Rotten Tomatoes sentences) and Chinese (product and book reviews), with the "
        "confidence in each class. 3-class sentiment is not offered: every sentiment data set here has two "
        "labels.",
        "情感分析：判断正面还是负面，支持英文（IMDB 影评和烂番茄短评）和中文（商品与图书评论），并给出每一类的置信度。不提供"
        "三分类：这里的情感数据集都只有两种标签。",
        "seen",
    ),
    Concept(
        43, "dialogue / customer service (hierarchical GRU, intent, slots, reply)",
        "对话 / 智能客服（分层 GRU、意图、槽位、回复）",
        "B9.1",
        "There is no dialogue task or dialogue data set (no intents, slots or replies).",
        "没有对话任务，也没有对话数据集（没有意图、槽位或回复）。",
        "not covered",
    ),
    Concept(
        44, "financial time series (scaling, 60-day window, 2x50 LSTM, MSE)",
        "金融时间序列（缩放、60 天窗口、2×50 的 LSTM、MSE）",
        "B9.2",
        "Stocks: a 60-day window (the *Window* slider), scaling fitted on the training years only, and the "
        "forecast beside persistence and drift, with a backtest. Unlike the tutorial, one LSTM layer of 64 "
        "units reads log returns and trains with a quantile loss for its 80 % interval, not 2x50 with MSE "
        "(`--layers 2 --hidden-size 50` gives the tutorial's shape; there is no MSE option).",
        "股价预测：60 天窗口（“窗口”滑块），缩放参数只在训练年份上拟合，预测与持平、漂移两个基线并列，并附回测。"
        "与教程不同：模型是一层 64 个单元的 LSTM，读取对数收益率，用分位数损失训练以给出 80% 区间，而不是 "
        "2×50 的 LSTM 加 MSE（`--layers 2 --hidden-size 50` 可得到教程的结构；没有 MSE 选项）。",
        "seen",
    ),
    Concept(
        45, "medical monitoring (BiLSTM + attention, precision/recall/F1)",
        "医疗监测（BiLSTM + 注意力，精确率/召回率/F1）",
        "B9.3",
        "Medical monitoring: the heartbeat model is a BiLSTM with attention (after a 1-D convolution); its "
        "attention is drawn under the trace, and its card gives per-class precision, recall and F1. The "
        "tutorial's plain version is `--preset no_conv`. The glucose forecast adds low and high alerts, with "
        "their precision and recall.",
        "医疗监测：心搏模型是带注意力的双向 LSTM（前面接一维卷积）；注意力画在波形下方，卡片给出各类别的精确率、"
        "召回率和 F1。教程中的朴素版本对应 `--preset no_conv`。血糖预测还会发出低血糖和高血糖警报，并给出"
        "警报的精确率和召回率。",
        "seen",
    ),
)


def _cell(text: str) -> str:
    """Table cells are one line and may not contain a bare pipe."""
    return " ".join(text.split()).replace("|", "\\|")


def _sections(concept: Concept, lang: str) -> str:
    return concept.sections.replace("code", "代码") if lang == "zh" else concept.sections


def markdown(lang: str = "en") -> str:
    """The map as a Markdown table in `lang` ("en" or "zh"), after a line explaining its notation."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    rows = [_LEGEND[lang], "", "| " + " | ".join(_HEADERS[lang]) + " |", "|---" * len(_HEADERS[lang]) + "|"]
    for concept in CONCEPTS:
        word = STATUS_WORDS[lang][concept.status]
        where = f"**{word}。**{concept.where(lang)}" if lang == "zh" else f"**{word}.** {concept.where(lang)}"
        cells = [str(concept.number), concept.name(lang), _sections(concept, lang), where]
        rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(rows)


def readme_block() -> str:
    """What README.md holds between (and with) its markers: the English map."""
    return f"{README_START}\n{markdown('en')}\n{README_END}"
