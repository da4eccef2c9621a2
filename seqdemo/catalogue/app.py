"""The frame of the app: title, footer, model pickers and cards shared by the tabs, training plots."""

STRINGS = {
    "app.title": {"en": "# seqdemo: sequence models you can try", "zh": "# seqdemo：可以动手试的序列模型"},
    "app.intro": {
        "en": "Try classic recurrent neural networks (RNN, LSTM, GRU, attention) on real data. Pick a tab, type "
              "something, and see what the model makes of it.",
        "zh": "在真实数据上体验经典循环神经网络（RNN、LSTM、GRU、注意力机制）。选择一个标签页，输入内容，看看模型如何理解。",
    },
    "app.language": {"en": "Language", "zh": "界面语言"},
    "app.footer": {
        "en": "Models run on: **{device}** with {weights} · seqdemo {version} · runs folder: `{runs}`",
        "zh": "模型运行设备：**{device}**，{weights} · seqdemo {version} · 运行目录：`{runs}`",
    },
    "app.weights.full": {"en": "full-precision weights", "zh": "全精度权重"},
    "app.weights.int8": {"en": "int8 weights for the shipped {tasks} models, full precision elsewhere",
                         "zh": "内置的{tasks}模型使用 int8 权重，其余为全精度"},
    "device.cpu": {"en": "CPU ({threads} threads)", "zh": "CPU（{threads} 个线程）"},
    "device.cpu_one_thread": {"en": "CPU (1 thread)", "zh": "CPU（1 个线程）"},
    "device.cuda": {"en": "CUDA GPU ({name})", "zh": "CUDA 显卡（{name}）"},
    "device.mps": {"en": "Apple GPU (MPS)", "zh": "苹果显卡（MPS）"},
    "plot.no_points": {"en": "No points yet: they appear once training reports.", "zh": "还没有数据点：训练开始汇报后就会出现。"},
    "plot.metric.accuracy": {"en": "accuracy", "zh": "准确率"},
    "plot.metric.loss": {"en": "loss", "zh": "损失"},
    "plot.metric.bleu": {"en": "BLEU", "zh": "BLEU"},
    "plot.metric.f1": {"en": "entity F1", "zh": "实体 F1"},
    "plot.epoch": {"en": "epoch", "zh": "轮次"},
    "plot.loss": {"en": "loss", "zh": "损失"},
    "model.code": {"en": "The PyTorch code of this model", "zh": "这个模型的 PyTorch 代码"},
    "model.download": {"en": "Download this model (its checkpoint folder, .zip)", "zh": "下载这个模型（检查点文件夹，.zip）"},
    "plot.loss_title": {"en": "Loss: training vs validation", "zh": "损失：训练集与验证集"},
    "plot.train_loss": {"en": "training loss", "zh": "训练损失"},
    "plot.validation_loss": {"en": "validation loss", "zh": "验证损失"},
    "plot.train_metric": {"en": "training {metric}", "zh": "训练集{metric}"},
    "plot.validation_metric": {"en": "validation {metric}", "zh": "验证集 {metric}"},
    "plot.compare_title": {"en": "Jobs compared", "zh": "任务对比"},
    "model.choice.heartbeats": {
        "en": "{name} · test accuracy {accuracy:.1%}, macro-F1 {macro_f1:.2f}",
        "zh": "{name} · 测试准确率 {accuracy:.1%}，宏平均 F1 {macro_f1:.2f}",
    },
    "model.choice.stocks": {
        "en": "{name} · 1-day RMSE {horizons[1][model][rmse]:.2f} (persistence {horizons[1][persistence][rmse]:.2f})",
        "zh": "{name} · 1 天预测 RMSE {horizons[1][model][rmse]:.2f}（“明天 = 今天” {horizons[1][persistence][rmse]:.2f}）",
    },
    "model.choice.glucose": {
        "en": "{name} · 30-min RMSE {horizons[30][model][rmse]:.1f} mg/dL (persistence {horizons[30][persistence][rmse]:.1f})",
        "zh": "{name} · 30 分钟 RMSE {horizons[30][model][rmse]:.1f} mg/dL（持平 {horizons[30][persistence][rmse]:.1f}）",
    },
    "model.choice.ner": {"en": "{name} · test F1 {f1:.1%}", "zh": "{name} · 测试 F1 {f1:.1%}"},
    "model.choice.sentiment": {"en": "{name} · test accuracy {accuracy:.1%}", "zh": "{name} · 测试准确率 {accuracy:.1%}"},
    "model.choice.generation": {
        "en": "{name} · held-out {bits_per_token:.2f} bits per token",
        "zh": "{name} · 测试集每词元 {bits_per_token:.2f} 比特",
    },
    "model.choice.translation": {"en": "{name} · test BLEU {bleu:.1f}", "zh": "{name} · 测试 BLEU {bleu:.1f}"},
    "model.none": {
        "en": "No model is available yet. Train one with `python -m seqdemo train {task} ...`.",
        "zh": "还没有可用的模型。请用 `python -m seqdemo train {task} ...` 训练一个。",
    },
    "app.failed": {
        "en": "Something went wrong while answering; it has been logged. Please try again, perhaps with a shorter "
              "input.",
        "zh": "回答时出现了问题，已记录在日志中。请再试一次，也可以换一个更短的输入。",
    },
    "model.unreadable": {
        "en": "⚠️ {count} folder(s) in the runs folder could not be read as models and are not listed (the app's "
              "log says why).",
        "zh": "⚠️ 运行目录中有 {count} 个文件夹无法作为模型读取，未列出（原因见应用日志）。",
    },
    "model.broken": {"en": "This model cannot be loaded: {error}", "zh": "无法加载此模型：{error}"},
}
