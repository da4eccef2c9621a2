"""What is wrong with an input a visitor gave a model (`input.<code>` for `BadInput(code, ...)`)."""

STRINGS = {
    "input.temperature": {
        "en": "Temperature must be between 0 and {limit:g}: 0 always picks the likeliest token, above about 2 the "
              "text turns to noise.",
        "zh": "温度必须在 0 到 {limit:g} 之间：0 总是选最可能的字，大于 2 左右文本就会变成乱码。",
    },
    "input.seed": {"en": "The seed must be a whole number (of any size), or empty for new text each time.",
                   "zh": "随机种子必须是整数（多大都可以），或留空以每次生成不同的文本。"},
    "input.top_k": {"en": "Top-k must be 0 (no limit) or a positive whole number.", "zh": "Top-k 必须是 0（不限）或正整数。"},
    "input.top_p": {"en": "Top-p must be above 0 and at most 1.", "zh": "Top-p 必须大于 0 且不超过 1。"},
    "input.max_tokens": {
        "en": "The length must be between 1 and {limit:,} tokens.",
        "zh": "生成长度必须在 1 到 {limit:,} 之间。",
    },
    "input.beam": {"en": "Beam width must be between 1 and {limit}.", "zh": "束宽必须在 1 到 {limit} 之间。"},
    "input.empty": {"en": "Please type some text first.", "zh": "请先输入一些文字。"},
    "input.gates_not_shown": {"en": "This model's cells use layer normalisation: the Lab shows the gates of plain "
                                    "RNN, LSTM and GRU layers only.",
                              "zh": "这个模型的单元使用了层归一化：实验室只显示普通 RNN、LSTM 和 GRU 层的门。"},
    "input.not_a_poem_model": {"en": "Only a Tang poem model writes poems whose form can be scored.",
                               "zh": "只有唐诗模型写的诗才能评格律。"},
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
    "input.beat_empty": {
        "en": "Please paste the samples of one heartbeat, or pick a test beat.",
        "zh": "请粘贴一次心搏的采样值，或选择一个测试集心搏。",
    },
    "input.beat_not_number": {
        "en": "Value {position} (“{cell}”) is not a number.",
        "zh": "第 {position} 个值（“{cell}”）不是数字。",
    },
    "input.beat_not_finite": {
        "en": "Value {position} is {cell}: every sample must be a finite number.",
        "zh": "第 {position} 个值是 {cell}：每个采样值都必须是有限的数。",
    },
    "input.beat_too_short": {
        "en": "A heartbeat needs at least {minimum} samples; this has {count}.",
        "zh": "一次心搏至少需要 {minimum} 个采样值；这里只有 {count} 个。",
    },
    "input.beat_too_long": {
        "en": "That is more than {limit:,} samples: paste a single heartbeat.",
        "zh": "超过 {limit:,} 个采样值：请只粘贴一次心搏。",
    },
    "input.beat_flat": {
        "en": "Every sample has the same value: there is no heartbeat to read.",
        "zh": "所有采样值都相同：没有可读的心搏。",
    },
    "input.csv_unreadable": {
        "en": "This file cannot be read: upload a CSV text file (UTF-8).",
        "zh": "无法读取这个文件：请上传 CSV 文本文件（UTF-8 编码）。",
    },
    "input.csv_too_big": {
        "en": "The file is {size_mb:g} MB; the limit is {limit_mb:g} MB.",
        "zh": "文件大小为 {size_mb:g} MB，上限是 {limit_mb:g} MB。",
    },
    "input.csv_empty": {
        "en": "The file is empty: it needs a header row (Date, Close, …) and rows of prices.",
        "zh": "文件是空的：需要一行表头（Date、Close 等）和若干行价格。",
    },
    "input.csv_columns": {
        "en": "Missing column: {missing}. The file's columns are: {found}.",
        "zh": "缺少列：{missing}。文件中的列为：{found}。",
    },
    "input.csv_too_wide": {
        "en": "The header has {count:,} columns; a price file has at most {limit}.",
        "zh": "表头有 {count:,} 列；价格文件最多只能有 {limit} 列。",
    },
    "input.csv_fields": {
        "en": "Row {row} has {count:,} cells but the header has {expected}. Is a number with a comma not in quotes?",
        "zh": "第 {row} 行有 {count:,} 个单元格，但表头只有 {expected} 个。是否有带逗号的数字没有加引号？",
    },
    "input.csv_date": {
        "en": "Row {row}, column {column}: “{cell}” is not a date.",
        "zh": "第 {row} 行 {column} 列：“{cell}”不是日期。",
    },
    "input.csv_missing": {
        "en": "Row {row}, column {column}: the cell is empty.",
        "zh": "第 {row} 行 {column} 列：单元格为空。",
    },
    "input.csv_not_number": {
        "en": "Row {row}, column {column}: “{cell}” is not a number.",
        "zh": "第 {row} 行 {column} 列：“{cell}”不是数字。",
    },
    "input.csv_not_positive": {
        "en": "Row {row}, column {column}: “{cell}” is not allowed: prices must be above 0 and volumes 0 or more.",
        "zh": "第 {row} 行 {column} 列：“{cell}”无效：价格必须大于 0，成交量不能为负。",
    },
    "input.csv_unsorted": {
        "en": "Row {row} ({date}) is earlier than the row above ({previous}): sort the rows oldest first.",
        "zh": "第 {row} 行（{date}）早于上一行（{previous}）：请按日期从早到晚排序。",
    },
    "input.csv_duplicate": {
        "en": "Row {row}: the date {date} is already in row {first_row}.",
        "zh": "第 {row} 行：日期 {date} 已在第 {first_row} 行出现。",
    },
    "input.csv_gap": {
        "en": "Row {row}: {days} days pass between {start} and {end}; at most {limit} are allowed.",
        "zh": "第 {row} 行：{start} 到 {end} 之间相隔 {days} 天，最多只能相隔 {limit} 天。",
    },
    "input.csv_too_short": {
        "en": "The file has {rows} rows of prices; at least {minimum} are needed.",
        "zh": "文件只有 {rows} 行价格，至少需要 {minimum} 行。",
    },
    "input.csv_needs_ohlcv": {
        "en": "This model also reads High, Low and Volume; the file lacks some of them.",
        "zh": "这个模型还要读取 High、Low 和 Volume 列，文件中缺少其中一些。",
    },
    "input.horizon_range": {"en": "The horizon must be 1 to {limit} days.", "zh": "预测长度必须在 1 到 {limit} 天之间。"},
    "input.window_range": {"en": "The window must be {low} to {high} days.", "zh": "窗口必须在 {low} 到 {high} 天之间。"},
    "input.glucose_time": {
        "en": "“{cell}” is not a date and time; write it like 2010-09-20 08:00.",
        "zh": "“{cell}”不是日期和时间，请写成 2010-09-20 08:00 这样的格式。",
    },
    "input.glucose_outside": {
        "en": "Pick a time in the test period, between {first} and {last}.",
        "zh": "请选择测试期内的时间，介于 {first} 和 {last} 之间。",
    },
    "input.glucose_gap": {
        "en": "The monitor read nothing for part of the three hours before that time; pick another time.",
        "zh": "在那之前的三小时里，监测仪有一段时间没有读数；请换一个时间。",
    },
    "input.wrong_script.en": {
        "en": "This looks like Chinese, but the model reads English. Pick the Chinese model for a meaningful answer.",
        "zh": "这段文字看起来是中文，但此模型读的是英文。请选择中文模型。",
    },
    "input.wrong_script.zh": {
        "en": "This looks like English, but the model reads Chinese. Pick an English model for a meaningful answer.",
        "zh": "这段文字看起来是英文，但此模型读的是中文。请选择英文模型。",
    },
}
