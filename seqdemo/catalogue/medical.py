"""The Medical monitoring tab: heartbeats and glucose."""

STRINGS = {
    "heartbeats.class.0": {"en": "normal", "zh": "正常"},
    "heartbeats.class.1": {"en": "R-on-T premature ventricular contraction", "zh": "R-on-T 型室性早搏"},
    "heartbeats.class.2": {"en": "premature ventricular contraction", "zh": "室性早搏"},
    "heartbeats.class.3": {"en": "supraventricular premature beat", "zh": "室上性早搏"},
    "heartbeats.class.4": {"en": "unclassified beat", "zh": "未分类心搏"},
    "medical.tab": {"en": "Medical monitoring", "zh": "医疗监测"},
    "medical.disclaimer": {
        "en": "⚕️ **A teaching demo, not a medical device.** These models learned from small public data sets; "
              "never use them to diagnose, treat or reassure anyone.",
        "zh": "⚕️ **这是教学演示，不是医疗器械**。这些模型只在很小的公开数据集上训练过，绝不能用于诊断、治疗，或让任何人安心。",
    },
    "medical.ecg_intro": {
        "en": "**Heartbeat classification.** One heartbeat of an electrocardiogram (ECG) is a short series of "
              "voltage samples. A bidirectional LSTM reads it sample by sample in both directions; attention then "
              "decides which moments matter for the verdict. Pick a heartbeat from the test set (the model never "
              "saw it), paste your own samples, or upload a text file of numbers.",
        "zh": "**心搏分类**。心电图（ECG）中的一次心搏是一小段电压采样值。双向 LSTM 从两个方向逐个读取这些采样值，注意力再决定哪些时刻对判断最重要。可以从测试集中选一个心搏（模型从未见过），"
              "粘贴自己的采样值，或上传一个由数字组成的文本文件。",
    },
    "medical.model": {"en": "Model", "zh": "模型"},
    "medical.pick_beat": {"en": "Test-set heartbeat", "zh": "测试集心搏"},
    "medical.beat_choice": {"en": "{number} · labelled {label}", "zh": "{number} · 标注为{label}"},
    "medical.samples": {"en": "Samples of one heartbeat", "zh": "一次心搏的采样值"},
    "medical.samples_hint": {
        "en": "Numbers separated by commas, spaces or new lines (ideally 140 of them)",
        "zh": "用逗号、空格或换行分隔的数字（最好 140 个）",
    },
    "medical.upload": {"en": "…or upload a .txt / .csv file of numbers", "zh": "……或上传由数字组成的 .txt / .csv 文件"},
    "medical.upload_too_big": {
        "en": "That file is over {limit} MB; one heartbeat is a few kilobytes.",
        "zh": "文件超过 {limit} MB；一次心搏只有几 KB。",
    },
    "medical.upload_not_text": {
        "en": "That file is not text: upload numbers in a .txt or .csv file.",
        "zh": "这不是文本文件：请上传装有数字的 .txt 或 .csv 文件。",
    },
    "medical.classify": {"en": "Classify heartbeat", "zh": "分类心搏"},
    "medical.trace": {"en": "The heartbeat and where the model looked", "zh": "心搏与模型关注的位置"},
    "medical.classes": {"en": "Class probabilities", "zh": "各类别的概率"},
    "medical.ecg": {"en": "ECG (normalised)", "zh": "心电（标准化后）"},
    "medical.attention": {"en": "attention", "zh": "注意力"},
    "medical.sample": {"en": "sample", "zh": "采样点"},
    "medical.amplitude": {"en": "amplitude (standard deviations)", "zh": "幅度（标准差）"},
    "medical.true_class": {
        "en": "The data set's label for this beat: **{label}**.",
        "zh": "数据集对这个心搏的标注：**{label}**。",
    },
    "medical.model_right": {"en": "✓ the model agrees", "zh": "✓ 模型判断正确"},
    "medical.model_wrong": {"en": "✗ the model gets it wrong", "zh": "✗ 模型判断错误"},
    "medical.agrees": {"en": "✓ The model agrees.", "zh": "✓ 模型的判断与标注一致。"},
    "medical.disagrees": {"en": "✗ **The model got this beat wrong**: it says {label}.", "zh": "✗ **模型判断错了这个心搏**：它认为是{label}。"},
    "medical.resampled": {
        "en": "The beat had {count} samples; it was resampled to the {length} the model was trained on.",
        "zh": "这个心搏有 {count} 个采样值，已重采样为模型训练时的 {length} 个。",
    },
    "medical.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "medical.card.conv": {
        "en": "a 1-D convolution ({channels} channels) reads local shape, then ",
        "zh": "先由一维卷积（{channels} 个通道）读取局部形状，再由",
    },
    "medical.card.pooling.attention": {
        "en": "attention (a weighted average, weights shown under the trace)",
        "zh": "注意力（加权平均，权重显示在曲线下方）",
    },
    "medical.card.pooling.max": {"en": "max pooling", "zh": "最大池化"},
    "medical.card.pooling.mhsa": {
        "en": "multi-head attention (the heads' mean weights shown under the trace)",
        "zh": "多头注意力（曲线下方显示各头权重的平均）",
    },
    "medical.card.pooling.last": {"en": "the final state", "zh": "最后的状态"},
    "medical.card.class": {"en": "class", "zh": "类别"},
    "medical.card.precision": {"en": "precision", "zh": "精确率"},
    "medical.card.recall": {"en": "recall", "zh": "召回率"},
    "medical.card.f1": {"en": "F1", "zh": "F1"},
    "medical.card.support": {"en": "test beats", "zh": "测试心搏数"},
    "medical.card.true_predicted": {"en": "true ＼ predicted", "zh": "真实 ＼ 预测"},
    "medical.card.selection.held_out": {
        "en": "the rest of the 500 training beats chose the epoch",
        "zh": "500 个训练心搏中其余的用于挑选轮次",
    },
    "medical.card.selection.final_fit": {
        "en": "all {epochs} epochs, settings chosen beforehand on 128 held-out beats",
        "zh": "训练满 {epochs} 轮，设置事先在 128 个留出心搏上选定",
    },
    "medical.card.fcn": {
        "en": " Beside it, a fully convolutional network (convolutions of 128, 256 and 128 channels, as in "
              "LSTM-FCN) reads the raw beat, and the classifier sees both summaries; the shading shows only the "
              "{cell}'s attention.",
        "zh": "旁边还有一个全卷积网络（128、256、128 通道的卷积，同 LSTM-FCN）读取原始心搏，分类器同时看两者的概括；阴影只显示 {cell} 的注意力。",
    },
    "medical.card.ensemble": {
        "en": " {members} such networks, started from different random weights, learn side by side and the answer "
              "is their mean probability (an ensemble); alone, they score {lowest:.1%} to {highest:.1%} on the "
              "test beats.",
        "zh": "{members} 个这样的网络从不同的随机初值出发并排训练，回答取它们概率的平均（集成）；单独使用时，它们的测试准确率在 {lowest:.1%} 到 {highest:.1%} 之间。",
    },
    "medical.card.direction.both": {"en": "a bidirectional", "zh": "双向"},
    "medical.card.direction.one": {"en": "a one-way", "zh": "单向"},
    "medical.card.body": {
        "en": "**{name}**: {conv}{direction} {cell} ({layers} layer(s), {hidden} units per direction) reads "
              "the beat; {pooling} turns its states into one vector for the classifier.{fcn}{ensemble}\n\n- Trained "
              "on: {dataset} ({train} beats; {selection})\n- Test accuracy: **{accuracy:.1%}**, macro-F1 "
              "**{macro_f1:.3f}** on {test} beats (always answering “normal” scores 58.4 %)\n- Parameters: "
              "{params}\n- Trained with: `{command}`\n\n{per_class}\n\nConfusion matrix (rows: the data set's "
              "label):\n\n{confusion}",
        "zh": "**{name}**：{conv}{direction} {cell}（{layers} 层，每个方向 {hidden} 个单元）读取心搏；{pooling}把各时刻的状态合成一个向量交给分类器。"
              "{fcn}{ensemble}\n\n- 训练数据：{dataset}（{train} 个心搏；{selection}）\n- 测试准确率：**{accuracy:.1%}**，宏平均 F1 "
              "**{macro_f1:.3f}**，共 {test} 个心搏（总是回答“正常”的准确率为 58.4%）\n- 参数量：{params}\n- 训练命令："
              "`{command}`\n\n{per_class}\n\n混淆矩阵（行：数据集的标注）：\n\n{confusion}",
    },
    "medical.ecg_tab": {"en": "Heartbeats (ECG)", "zh": "心搏（心电图）"},
    "medical.glucose_tab": {"en": "Glucose forecast", "zh": "血糖预测"},
    "glucose.intro": {
        "en": "**Glucose forecasting.** A continuous glucose monitor reads blood glucose every 5 minutes. An LSTM "
              "reads the last three hours and forecasts the next hour with an 80 % interval; an alert is raised "
              "when the forecast 30 or 60 minutes ahead falls below 70 mg/dL (hypoglycaemia) or rises above 180 "
              "mg/dL (hyperglycaemia). Pick a moment of the test period (the model never trained on it) and "
              "compare with what the monitor read next, and with persistence (the level stays where it is).",
        "zh": "**血糖预测**。连续血糖监测仪每 5 分钟读一次血糖。LSTM 读取最近三小时，预测接下来一小时并给出 80% 区间；若 30 或 60 分钟后的预测低于 70 mg/dL（低血糖）或高于 180 "
              "mg/dL（高血糖）就发出警报。选择测试期中的一个时刻（模型从未用它训练），与监测仪随后的读数以及持平预测（血糖保持不变）比较。",
    },
    "glucose.model": {"en": "Model", "zh": "模型"},
    "glucose.moment": {"en": "Forecast from", "zh": "预测起点"},
    "glucose.moment_info": {
        "en": "Pick a sample moment or type a time such as 2010-09-20 08:00.",
        "zh": "选择一个示例时刻，或输入时间，例如 2010-09-20 08:00。",
    },
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
    "glucose.at": {
        "en": "In {minutes} min: forecast **{median:.0f}** mg/dL (80 % interval {low:.0f} to {high:.0f}); the "
              "monitor read {measured}.",
        "zh": "{minutes} 分钟后：预测 **{median:.0f}** mg/dL（80% 区间 {low:.0f} 至 {high:.0f}）；监测仪读数为 {measured}。",
    },
    "glucose.alert.hypo": {
        "en": "🔻 **Low alert**: {value:.0f} mg/dL forecast in {minutes} min.",
        "zh": "🔻 **低血糖警报**：预测 {minutes} 分钟后为 {value:.0f} mg/dL。",
    },
    "glucose.alert.hyper": {
        "en": "🔺 **High alert**: {value:.0f} mg/dL forecast in {minutes} min.",
        "zh": "🔺 **高血糖警报**：预测 {minutes} 分钟后为 {value:.0f} mg/dL。",
    },
    "glucose.alert_mark.hypo": {"en": "low alert", "zh": "低血糖警报"},
    "glucose.alert_mark.hyper": {"en": "high alert", "zh": "高血糖警报"},
    "glucose.kind.hypo": {"en": "low", "zh": "低血糖"},
    "glucose.kind.hyper": {"en": "high", "zh": "高血糖"},
    "glucose.outcome.right": {
        "en": "✓ The {kind} alert {minutes} minutes ahead was right: the monitor then read {measured:.0f} mg/dL.",
        "zh": "✓ 提前 {minutes} 分钟的{kind}警报是对的：监测仪随后读数为 {measured:.0f} mg/dL。",
    },
    "glucose.outcome.false": {
        "en": "✗ False alarm: the {kind} alert {minutes} minutes ahead did not happen; the monitor read {measured:.0f} mg/dL.",
        "zh": "✗ 误报：提前 {minutes} 分钟的{kind}警报没有发生；监测仪读数为 {measured:.0f} mg/dL。",
    },
    "glucose.outcome.missed": {
        "en": "✗ **Missed alert**: {minutes} minutes later the monitor read {measured:.0f} mg/dL ({kind}), but the forecast "
              "({forecast:.0f} mg/dL) raised no alert.",
        "zh": "✗ **漏报**：{minutes} 分钟后监测仪读数为 {measured:.0f} mg/dL（{kind}），但预测值（{forecast:.0f} mg/dL）没有发出警报。",
    },
    "glucose.no_alert": {
        "en": "No alert: the forecast stays between 70 and 180 mg/dL.",
        "zh": "无警报：预测保持在 70 至 180 mg/dL 之间。",
    },
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
        "en": "**{name}**: an {cell} ({hidden} units) reads {window} minutes of readings (level, its latest change "
              "and the time of day) and emits the 10 %, 50 % and 90 % quantiles of every 5-minute step of the next "
              "{horizon} minutes at once. Scaling was fitted on the training period only.\n\n- Trained on: "
              "{dataset}\n- Skill against persistence (1 − RMSE ratio): {skill30:+.3f} at 30 min, {skill60:+.3f} at "
              "60 min; {coverage:.0%} of 30-minute readings fell inside the 80 % interval\n- Test forecasts: "
              "{origins}\n- Parameters: {params}\n- Trained with: `{command}`\n\n“Alerts right” is precision (of the "
              "alerts raised, how many came true), “caught” is recall (of the lows or highs that happened, how "
              "many were foreseen).\n\n{scores}",
        "zh": "**{name}**：一个 {cell}（{hidden} 个单元）读取 {window} 分钟的读数（血糖值、最近的变化和一天中的时刻），一次性给出未来 {horizon} 分钟内每个 5 "
              "分钟时刻的 10%、50%、90% 分位数。缩放参数只在训练期上拟合。\n\n- 训练数据：{dataset}\n- 相对持平预测的技能分（1 − RMSE 之比）：30 分钟 "
              "{skill30:+.3f}，60 分钟 {skill60:+.3f}；30 分钟读数落在 80% 区间内的比例为 {coverage:.0%}\n- 测试预测次数：{origins}\n- 参数量："
              "{params}\n- 训练命令：`{command}`\n\n“警报准确率”即精确率（发出的警报中有多少成真），“检出率”即召回率（实际发生的低/高血糖中有多少被预见）。\n\n{scores}",
    },
}
