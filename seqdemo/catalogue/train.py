"""The Train tab."""

STRINGS = {
    "train.tab": {"en": "Train", "zh": "训练"},
    "train.intro": {
        "en": "Train your own model in the background. Pick a task, data and a starting preset, adjust any "
              "setting, and press **Start**. Jobs wait in a queue and run in turn; their progress is saved, "
              "so you can close this page, come back later or restart the app. A finished model appears in its "
              "task's tab.",
        "zh": "在后台训练你自己的模型。选择任务、数据和初始预设，按需调整设置，然后点击**开始训练**。任务排队依次运行，进度会被保存：你可以关闭页面、稍后回来，甚至重启应用。训练好的模型会出现在对应任务的标签页中。",
    },
    "train.new_job": {"en": "### New job", "zh": "### 新建任务"},
    "train.task": {"en": "Task", "zh": "任务"},
    "train.dataset": {"en": "Data", "zh": "数据"},
    "train.preset": {"en": "Starting preset", "zh": "初始预设"},
    "train.preset_info": {
        "en": "Fills in every setting below; change any of them afterwards.",
        "zh": "会填好下面的所有设置，之后可以再修改。",
    },
    "train.name": {"en": "Job name (optional)", "zh": "任务名称（可选）"},
    "train.name_hint": {"en": "e.g. GRU with two layers", "zh": "例如：两层 GRU"},
    "train.hyperparameters": {"en": "Settings (hyperparameters)", "zh": "设置（超参数）"},
    "train.processes": {"en": "Processes", "zh": "进程数"},
    "train.processes_info": {
        "en": "More than 1 trains data-parallel across processes (DistributedDataParallel); on a small CPU, 1 is "
              "fastest.",
        "zh": "大于 1 时用多个进程数据并行训练（DistributedDataParallel）；在小型 CPU 上 1 最快。",
    },
    "train.advanced": {"en": "Advanced settings", "zh": "高级设置"},
    "train.range": {"en": "{low} to {high}", "zh": "{low} 到 {high}"},
    "train.range.from": {"en": "{low} or more", "zh": "不小于 {low}"},
    "train.range.whole_from": {"en": "any whole number from {low}", "zh": "不小于 {low} 的整数"},
    "train.command": {"en": "The command this form runs (the same job from a terminal)", "zh": "这个表单对应的命令（在终端里运行同一任务）"},
    "train.start": {"en": "Start", "zh": "开始训练"},
    "train.invalid": {"en": "⚠️ The job was not created. Please fix:", "zh": "⚠️ 任务未创建，请修改："},
    "train.queued": {
        "en": "✅ Job #{id} “{name}” is queued. Follow it on the right.",
        "zh": "✅ 任务 #{id}“{name}”已加入队列，可在右侧查看进度。",
    },
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
    "train.delete_confirm": {
        "en": "Delete job #{id} “{name}”, its curves and its model files? This cannot be undone.",
        "zh": "删除任务 #{id}“{name}”及其曲线和模型文件？此操作无法撤销。",
    },
    "train.deleted": {"en": "Job #{id} deleted.", "zh": "任务 #{id} 已删除。"},
    "train.pick_first": {"en": "Pick a job first.", "zh": "请先选择一个任务。"},
    "train.cancel_sent": {"en": "Job #{id}: {status}.", "zh": "任务 #{id}：{status}。"},
    "train.resumed": {
        "en": "Job #{id} is queued again and will continue from its last finished epoch.",
        "zh": "任务 #{id} 已重新排队，将从最后完成的一轮继续训练。",
    },
    "train.summary": {
        "en": "**#{id} {name}**: {status} · {progress} · epoch {epoch}/{epochs} · elapsed {elapsed} · time left "
              "{eta} · best validation {metric} {best}",
        "zh": "**#{id} {name}**：{status} · {progress} · 第 {epoch}/{epochs} 轮 · 已用 {elapsed} · 剩余 {eta} · 最佳验证 "
              "{metric} {best}",
    },
    "train.error": {"en": "⚠️ {error}", "zh": "⚠️ {error}"},
    "train.details_private": {
        "en": "Its settings, curves and log are shown only to the login that started it.",
        "zh": "它的设置、曲线和日志只对启动它的账号显示。",
    },
    "train.done": {
        "en": "✅ Its model is now in the **{task}** tab's model picker.",
        "zh": "✅ 它的模型已出现在**{task}**标签页的模型列表中。",
    },
    "train.settings": {"en": "Settings of this job", "zh": "此任务的设置"},
    "train.log": {"en": "Log (latest lines)", "zh": "日志（最新）"},
    "train.compare": {"en": "Compare jobs", "zh": "对比任务"},
    "train.compare_intro": {
        "en": "Pick several jobs (for example the same data with RNN, LSTM and bidirectional LSTM cells) to "
              "overlay their curves.",
        "zh": "选择几个任务（例如同样的数据分别用 RNN、LSTM 和双向 LSTM），把它们的曲线叠加对比。",
    },
    "train.compare_jobs": {"en": "Jobs to compare", "zh": "要对比的任务"},
    "train.compare_button": {"en": "Compare", "zh": "对比"},
}
