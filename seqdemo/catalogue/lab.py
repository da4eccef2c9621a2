"""The Lab tab: views inside the recurrence."""

STRINGS = {
    "lab.tab": {"en": "Lab", "zh": "实验室"},
    "lab.intro": {
        "en": "See why LSTMs and GRUs exist. **Gradient flow** shows how much of a training signal survives the way "
              "back through time; **Inside the cell** shows every gate of a real model reading your sentence; "
              "**Memory over distance** trains small networks that must remember a number across a gap.",
        "zh": "看看为什么会有 LSTM 和 GRU。**梯度流**显示训练信号沿时间反向传播时还剩多少；**单元内部**显示一个真实模型"
              "读你的句子时每个门的取值；**记忆与距离**训练几个小网络，让它们跨越一段间隔记住一个数。",
    },
    "lab.out_of_range": {"en": "A setting is outside its range: use the sliders' values.",
                         "zh": "有设置超出了范围：请使用滑块允许的值。"},
    "lab.flow.tab": {"en": "Gradient flow", "zh": "梯度流"},
    "lab.flow.intro": {
        "en": "A recurrent layer reads a random sequence. The chart shows the size of the gradient of its **last** "
              "state with respect to each input, against how many steps back that input was (log scale): how "
              "strongly a training signal at the end can still reach it. A plain RNN's curve falls off fast "
              "(the *vanishing gradient*); scale the recurrent weights above about 2 and it grows instead "
              "(*exploding*). Try the LSTM with forget-gate bias 0 (PyTorch's default: it vanishes almost as fast) "
              "and then 3: its cell state becomes a nearly open path.",
        "zh": "一个循环层读入一段随机序列。图中显示它**最后**一个状态对每个输入的梯度大小，横轴是该输入在多少步之前"
              "（对数坐标）：末尾的训练信号还能多大程度传回去。普通 RNN 的曲线下降很快（*梯度消失*）；把循环权重放大到 "
              "2 左右以上，它反而增长（*梯度爆炸*）。试试遗忘门偏置为 0 的 LSTM（PyTorch 的默认值：几乎消失得一样快），"
              "再试 3：细胞状态变成一条几乎畅通的路径。",
    },
    "lab.flow.cells": {"en": "Cells", "zh": "单元"},
    "lab.flow.length": {"en": "Sequence length (steps)", "zh": "序列长度（步）"},
    "lab.flow.hidden": {"en": "Hidden size", "zh": "隐藏层大小"},
    "lab.flow.scale": {"en": "Recurrent weight scale", "zh": "循环权重缩放"},
    "lab.flow.scale_info": {"en": "Multiplies the freshly initialised recurrent weights.",
                            "zh": "乘以新初始化的循环权重。"},
    "lab.flow.forget": {"en": "Forget-gate bias (LSTM)", "zh": "遗忘门偏置（LSTM）"},
    "lab.flow.forget_info": {"en": "Added to the forget gate: higher keeps more of the cell state each step.",
                             "zh": "加到遗忘门上：越大，每一步保留的细胞状态越多。"},
    "lab.flow.submit": {"en": "Draw", "zh": "绘制"},
    "lab.flow.title": {"en": "Gradient reaching each input", "zh": "到达每个输入的梯度"},
    "lab.flow.x": {"en": "steps back from the last input", "zh": "距最后一个输入的步数"},
    "lab.flow.y": {"en": "gradient size (log scale)", "zh": "梯度大小（对数坐标）"},
    "lab.flow.summary": {"en": "{cell}: {near:.2g} at the last step, {far:.2g} {distance} steps back.",
                         "zh": "{cell}：最后一步 {near:.2g}，{distance} 步之前 {far:.2g}。"},
    "lab.flow.none": {"en": "Pick at least one cell.", "zh": "请至少选一种单元。"},
    "lab.inside.tab": {"en": "Inside the cell", "zh": "单元内部"},
    "lab.inside.intro": {
        "en": "Type a sentence for a shipped sentiment model (or a prompt for a text generation model). Each heat map is one gate of its first LSTM layer "
              "(reading left to right): a column per word, a row per unit (the first {units}), recomputed from the "
              "layer's own weights. Gates run from 0 (closed) to 1 (open); the cell state is the layer's memory. "
              "Below: the hidden state's path through the sentence (its two main directions) and, for sentiment, "
              "what the model would answer after each word.",
        "zh": "为一个已发布的情感模型输入一句话（或为文本生成模型输入提示）。每张热图是它第一层 LSTM（从左往右读）的一个门：每列一个词，每行一个"
              "单元（前 {units} 个），由该层自己的权重重新算出。门的取值从 0（关）到 1（开）；细胞状态是这一层的记忆。"
              "下方：隐藏状态在整句中的轨迹（两个主方向），以及（情感模型）读到每个词时会给出的判断。",
    },
    "lab.inside.input": {"en": "Sentence", "zh": "句子"},
    "lab.inside.model": {"en": "Model (sentiment, or text generation for a prompt)", "zh": "模型（情感分析，或读提示的文本生成）"},
    "lab.inside.submit": {"en": "Look inside", "zh": "查看内部"},
    "lab.inside.gates": {"en": "Gates and states", "zh": "门与状态"},
    "lab.inside.path": {"en": "Path of the hidden state (PCA)", "zh": "隐藏状态的轨迹（PCA）"},
    "lab.inside.running": {"en": "Probability of “positive” after each word", "zh": "读到每个词时“正面”的概率"},
    "lab.inside.word": {"en": "word", "zh": "词"},
    "lab.inside.unit": {"en": "unit", "zh": "单元"},
    "lab.inside.truncated": {"en": "Only the first {limit} words are shown.", "zh": "只显示前 {limit} 个词。"},
    "lab.inside.not_lstm": {"en": "This model's first layer is a {cell}: its gates are shown.",
                            "zh": "这个模型的第一层是 {cell}：显示的是它的门。"},
    "lab.gate.input": {"en": "input gate", "zh": "输入门"},
    "lab.gate.forget": {"en": "forget gate", "zh": "遗忘门"},
    "lab.gate.candidate": {"en": "candidate", "zh": "候选值"},
    "lab.gate.output": {"en": "output gate", "zh": "输出门"},
    "lab.gate.cell": {"en": "cell state", "zh": "细胞状态"},
    "lab.gate.hidden": {"en": "hidden state", "zh": "隐藏状态"},
    "lab.gate.reset": {"en": "reset gate", "zh": "重置门"},
    "lab.gate.update": {"en": "update gate", "zh": "更新门"},
    "lab.gate.new": {"en": "new state", "zh": "新状态"},
    "lab.memory.tab": {"en": "Memory over distance", "zh": "记忆与距离"},
    "lab.memory.intro": {
        "en": "The *adding problem*: a sequence of random numbers, two of them marked, one near the start and one "
              "near the end; the network must answer their sum, so it has to carry the first number across the "
              "gap. Each click trains a fresh RNN, LSTM and GRU at the gap you choose (a few seconds to a minute) "
              "and adds their error to the chart. Always answering 1 scores about {baseline:.3f}: a point near that "
              "line means the network did not remember.",
        "zh": "*加法问题*：一串随机数中标出两个，一个靠近开头，一个靠近结尾；网络要答出它们的和，所以必须把第一个数"
              "带过中间的间隔。每点一次，就在你选的间隔上重新训练一个 RNN、LSTM 和 GRU（几秒到一分钟），并把它们的误差"
              "加到图上。总是回答 1 的误差约为 {baseline:.3f}：接近这条线的点表示网络没有记住。",
    },
    "lab.memory.gap": {"en": "Gap (steps to remember across)", "zh": "间隔（需要跨越记忆的步数）"},
    "lab.memory.steps": {"en": "Training steps", "zh": "训练步数"},
    "lab.memory.submit": {"en": "Train at this gap", "zh": "在这个间隔上训练"},
    "lab.memory.clear": {"en": "Clear the chart", "zh": "清空图表"},
    "lab.memory.title": {"en": "Error after training, by gap", "zh": "训练后的误差（按间隔）"},
    "lab.memory.x": {"en": "gap (steps)", "zh": "间隔（步）"},
    "lab.memory.y": {"en": "mean squared error (log scale)", "zh": "均方误差（对数坐标）"},
    "lab.memory.baseline": {"en": "always answering 1", "zh": "总是回答 1"},
    "lab.memory.training": {"en": "Training {cell} at gap {gap}… ({done} of {total} done)",
                            "zh": "正在间隔 {gap} 上训练 {cell}……（已完成 {done}/{total}）"},
    "lab.memory.done": {"en": "Gap {gap}: {results}.", "zh": "间隔 {gap}：{results}。"},
    "lab.memory.result": {"en": "{cell} error {mse:.3f} ({verdict})", "zh": "{cell} 误差 {mse:.3f}（{verdict}）"},
    "lab.memory.remembered": {"en": "remembered", "zh": "记住了"},
    "lab.memory.forgot": {"en": "did not remember", "zh": "没有记住"},
    "lab.memory.partly": {"en": "partly", "zh": "部分记住"},
    "lab.crf.tab": {"en": "CRF paths", "zh": "CRF 路径"},
    "lab.crf.intro": {
        "en": "Type a sentence for a named-entity model with a CRF. The table puts each token's likeliest tag "
              "*on its own* (what a softmax tagger would write) beside the CRF's best *whole path* (Viterbi), "
              "marking where they differ. The CRF adds a learned score for every move from one tag to the next "
              "(the heat map: rows are the tag before, columns the tag after; blank moves break the BIO rules, "
              "such as I-PER straight after O, and are never taken).",
        "zh": "为带 CRF 的命名实体模型输入一句话。表格把每个词*单独*看最可能的标签（softmax 标注器会写出的）和 CRF "
              "找到的*整条*最佳路径（维特比）并排列出，并标出两者不同之处。CRF 为从一个标签到下一个标签的每一步都学到一个"
              "分数（热图：行是前一个标签，列是后一个标签；空白的转移违反 BIO 规则，例如 O 之后直接接 I-PER，永远不会被采用）。",
    },
    "lab.crf.input": {"en": "Sentence", "zh": "句子"},
    "lab.crf.submit": {"en": "Compare paths", "zh": "比较路径"},
    "lab.crf.col.token": {"en": "token", "zh": "词"},
    "lab.crf.col.greedy": {"en": "best tag on its own", "zh": "单独最佳标签"},
    "lab.crf.col.viterbi": {"en": "CRF path (Viterbi)", "zh": "CRF 路径（维特比）"},
    "lab.crf.col.probability": {"en": "probability of the path's tag", "zh": "路径上该标签的概率"},
    "lab.crf.col.differ": {"en": "differ", "zh": "不同"},
    "lab.crf.summary": {
        "en": "The CRF's path has probability {viterbi:.1%} among all paths. The tokens' own best tags {greedy}; "
              "they differ at {differ} of {tokens} tokens.",
        "zh": "CRF 路径在所有路径中的概率为 {viterbi:.1%}。各词单独最佳的标签{greedy}；两者在 {tokens} 个词中有 {differ} 个不同。",
    },
    "lab.crf.greedy_allowed": {"en": "form a path of probability {probability:.1%}",
                               "zh": "组成的路径概率为 {probability:.1%}"},
    "lab.crf.greedy_broken": {"en": "break the BIO rules, so the CRF would never write them",
                              "zh": "违反了 BIO 规则，CRF 永远不会这样写"},
    "lab.crf.no_crf": {"en": "This model decides each token with a softmax and has no CRF: pick a model with “crf” in "
                                "its name.",
                       "zh": "这个模型用 softmax 逐词决定，没有 CRF：请选择名字里带 “crf” 的模型。"},
    "lab.crf.first_sentence": {"en": "Only the first sentence (up to {limit} tokens) is shown.",
                               "zh": "只显示第一句（最多 {limit} 个词）。"},
    "lab.crf.transitions": {"en": "Learned transition scores", "zh": "学到的转移分数"},
    "lab.crf.from": {"en": "tag before", "zh": "前一个标签"},
    "lab.crf.to": {"en": "tag after", "zh": "后一个标签"},
    "lab.prune.tab": {"en": "Pruning", "zh": "剪枝"},
    "lab.prune.intro": {
        "en": "Compression by magnitude pruning: in each weight matrix and embedding table, the smallest weights "
              "are set to zero. Pick a share and see what it costs in accuracy (on the first {examples} test "
              "examples) and what it saves. Zeros take as much room as other numbers in memory, so the saving "
              "shows in the compressed size (as in a .zip of the checkpoint), and one input takes as long as "
              "before: dense kernels multiply the zeros too. Tick int8 weights to store the recurrent and linear "
              "layers' weights as 8-bit integers as well (about a quarter of their size; the embedding table stays "
              "as it is). It speeds up wide layers, such as the text generator's, but these small classifiers get "
              "slower: each step quantises its inputs first, which costs more than a narrow layer saves. The first measurement of a model takes a few seconds; later ones are instant.",
        "zh": "通过按大小剪枝来压缩模型：在每个权重矩阵和嵌入表中，把绝对值最小的权重置为零。选一个比例，看看它在准确率上的"
              "代价（基于前 {examples} 个测试样本）和节省的空间。零在内存中和其他数字占用同样的空间，所以节省体现在压缩后的大小上"
              "（就像把检查点打成 .zip），而单个输入的耗时不变：稠密运算同样要乘这些零。勾选 int8 权重，还会把循环层和线性层的"
              "权重存为 8 位整数（约为原来的四分之一；嵌入表保持不变）。它能加快较宽的层（例如文本生成模型的层），但这些小分类器"
              "反而变慢：每一步都要先量化输入，这个开销超过了窄层省下的时间。第一次测量一个模型需要几秒钟，之后立即得到结果。",
    },
    "lab.prune.model": {"en": "Model (a sentiment or heartbeat classifier)", "zh": "模型（情感或心跳分类器）"},
    "lab.prune.level": {"en": "Share of weights set to zero (%)", "zh": "置零的权重比例（%）"},
    "lab.prune.int8": {"en": "int8 weights", "zh": "int8 权重"},
    "lab.prune.int8_info": {
        "en": "Dynamic int8 quantisation of the recurrent and linear layers, after pruning",
        "zh": "剪枝之后，对循环层和线性层做动态 int8 量化",
    },
    "lab.prune.submit": {"en": "Prune and measure", "zh": "剪枝并测量"},
    "lab.prune.accuracy": {"en": "accuracy", "zh": "准确率"},
    "lab.prune.size": {"en": "compressed size (MB)", "zh": "压缩后大小（MB）"},
    "lab.prune.x": {"en": "weights set to zero (%)", "zh": "置零的权重（%）"},
    "lab.prune.summary": {
        "en": "With **{level} %** of the weights zeroed: accuracy **{accuracy:.1%}** (unpruned {whole_accuracy:.1%}) "
              "on {examples} test examples; {nonzero} of {parameters} parameters left non-zero; compressed "
              "{size:.1f} MB (unpruned {whole_size:.1f} MB); one input {ms:.1f} ms (unpruned {whole_ms:.1f} ms).",
        "zh": "置零 **{level}%** 的权重后：在 {examples} 个测试样本上准确率 **{accuracy:.1%}**（未剪枝 {whole_accuracy:.1%}）；"
              "{parameters} 个参数中有 {nonzero} 个非零；压缩后 {size:.1f} MB（未剪枝 {whole_size:.1f} MB）；单个输入 "
              "{ms:.1f} 毫秒（未剪枝 {whole_ms:.1f} 毫秒）。",
    },
    "lab.prune.summary_int8": {
        "en": "With **{level} %** of the weights zeroed and **int8 weights**: accuracy **{accuracy:.1%}** (full "
              "precision, unpruned {whole_accuracy:.1%}) on {examples} test examples; {nonzero} of {parameters} "
              "parameters left non-zero; compressed {size:.1f} MB (full precision, unpruned {whole_size:.1f} MB); one "
              "input {ms:.1f} ms (full precision, unpruned {whole_ms:.1f} ms).",
        "zh": "置零 **{level}%** 的权重并使用 **int8 权重**后：在 {examples} 个测试样本上准确率 **{accuracy:.1%}**"
              "（全精度、未剪枝 {whole_accuracy:.1%}）；{parameters} 个参数中有 {nonzero} 个非零；压缩后 {size:.1f} MB"
              "（全精度、未剪枝 {whole_size:.1f} MB）；单个输入 {ms:.1f} 毫秒（全精度、未剪枝 {whole_ms:.1f} 毫秒）。",
    },
    "lab.compare.tab": {"en": "RNN vs LSTM vs BiLSTM", "zh": "RNN、LSTM 与 BiLSTM"},
    "lab.compare.intro": {
        "en": "The tutorial's comparison, already trained: three small sentiment models with one recipe and one "
            "budget (5,000 IMDB reviews cut to 150 words, 3 epochs, 64 units, the last state read out), only "
            "the cell differs. Solid lines: accuracy on the validation reviews after each epoch; dotted: the "
            "training loss. The same command with `--cell gru` or `--pooling attention` in the Train tab adds "
            "your own line to this story.",
        "zh": "教程里的对比，已经训练好了：三个小型情感模型用同一套配方、同样的预算（5,000 条 IMDB 影评，截断到 150 "
            "个词，3 轮，64 个单元，读取最后一个状态），只有单元不同。实线：每轮后在验证集上的准确率；虚线：训练损失。"
            "在训练页用同一条命令加上 `--cell gru` 或 `--pooling attention`，就能把你自己的结果加进来。",
    },
    "lab.compare.col.model": {"en": "model", "zh": "模型"},
    "lab.compare.col.parameters": {"en": "parameters", "zh": "参数量"},
    "lab.compare.col.validation": {"en": "best validation accuracy", "zh": "最佳验证准确率"},
    "lab.compare.col.test": {"en": "test accuracy", "zh": "测试准确率"},
    "lab.compare.col.seconds": {"en": "training time (s)", "zh": "训练时间（秒）"},
    "lab.compare.missing": {"en": "The comparison models are not installed.", "zh": "没有找到用于对比的模型。"},
    "lab.flow.source": {"en": "Weights", "zh": "权重"},
    "lab.flow.source.fresh": {"en": "fresh (random) weights reading random inputs", "zh": "新初始化的随机权重，读随机输入"},
    "lab.flow.source.trained": {"en": "the shipped Shakespeare LSTM reading the text below",
                                "zh": "已发布的莎士比亚 LSTM 读下面的文字"},
    "lab.flow.text": {"en": "Text for the trained model (its last 500 characters)",
                      "zh": "给训练好的模型读的文字（取最后 500 个字符）"},
    "lab.flow.trained_line": {"en": "trained LSTM, your text", "zh": "训练好的 LSTM，你的文字"},
    "lab.flow.no_model": {"en": "The Shakespeare model is not installed.", "zh": "没有找到莎士比亚模型。"},
    "lab.clip.intro": {
        "en": "**Gradient clipping at work.** A plain RNN with its recurrent weights scaled by 3 trains on the adding "
              "problem for 100 steps, twice: once as it is, once with every gradient cut to a norm of 1 before the "
              "update. The chart shows the gradient's norm at each step (before clipping).",
        "zh": "**梯度裁剪的作用。** 一个循环权重放大 3 倍的普通 RNN 在加法问题上训练 100 步，训练两次：一次不做处理，"
              "一次在每次更新前把梯度范数裁剪到 1。图中显示每一步（裁剪前）的梯度范数。",
    },
    "lab.clip.submit": {"en": "Train twice and compare", "zh": "训练两次并比较"},
    "lab.clip.title": {"en": "Gradient norm at each training step", "zh": "每个训练步的梯度范数"},
    "lab.clip.x": {"en": "training step", "zh": "训练步"},
    "lab.clip.without": {"en": "without clipping", "zh": "不裁剪"},
    "lab.clip.with": {"en": "clipped to {clip:g}", "zh": "裁剪到 {clip:g}"},
    "lab.clip.blew_up": {"en": "Without clipping the gradient became infinite at step {step}: training is broken. "
                               "With clipping the largest gradient was {largest:.3g} and the run finished.",
                         "zh": "不裁剪时，梯度在第 {step} 步变成无穷大：训练失败。裁剪后最大的梯度为 {largest:.3g}，训练顺利完成。"},
    "lab.clip.both_finished": {"en": "Both runs finished; the largest gradients were {without:.3g} without clipping and "
                                     "{clipped:.3g} with it.",
                               "zh": "两次训练都完成了；最大梯度分别为 {without:.3g}（不裁剪）和 {clipped:.3g}（裁剪）。"},
}
