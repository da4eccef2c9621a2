"""The Text generation tab."""

STRINGS = {
    "generation.tab": {"en": "Text generation", "zh": "文本生成"},
    "generation.intro": {
        "en": "A language model writes one character (or word) at a time, each time choosing from its prediction "
              "of what comes next. Give it a beginning and watch it continue; darker tokens were more certain "
              "choices.",
        "zh": "语言模型一次写一个字符（或一个词），每一步都根据它对下一个内容的预测来选择。给它一个开头，看它如何续写；颜色越深的字表示模型越有把握。",
    },
    "generation.model": {"en": "Model", "zh": "模型"},
    "generation.prompt": {"en": "Beginning (prompt)", "zh": "开头（提示）"},
    "generation.prompt_hint": {"en": "e.g. ROMEO:", "zh": "例如：床前明月光，"},
    "generation.length": {"en": "Tokens to write", "zh": "生成长度"},
    "generation.temperature": {"en": "Temperature", "zh": "温度"},
    "generation.temperature_info": {
        "en": "0 = always the likeliest token; higher = more adventurous (0 – 5)",
        "zh": "0 表示总选最可能的字；越高越大胆（0 – 5）",
    },
    "generation.top_k": {"en": "Top-k", "zh": "Top-k"},
    "generation.top_k_info": {
        "en": "Choose only among the k likeliest tokens (0 = all)",
        "zh": "只在最可能的 k 个中选择（0 表示不限）",
    },
    "generation.top_p": {"en": "Top-p", "zh": "Top-p"},
    "generation.top_p_info": {
        "en": "Choose among the likeliest tokens covering this much probability (1 = all)",
        "zh": "只在累计概率达到该值的最可能候选中选择（1 表示不限）",
    },
    "generation.seed": {"en": "Seed", "zh": "随机种子"},
    "generation.seed_info": {
        "en": "Any whole number: the same seed gives the same text. Leave it empty for new text each time.",
        "zh": "任意整数：相同的种子得到相同的文本。留空则每次生成不同的文本。",
    },
    "generation.submit": {"en": "Generate", "zh": "生成"},
    "generation.output": {"en": "Generated text (darker = the model was surer)", "zh": "生成的文本（颜色越深，模型越有把握）"},
    "generation.plain": {"en": "As plain text", "zh": "纯文本"},
    "generation.examples": {"en": "Examples (click one)", "zh": "示例（点击试试）"},
    "generation.card": {"en": "How this model works", "zh": "这个模型如何工作"},
    "generation.unit.chars": {"en": "character", "zh": "字符"},
    "generation.unit.en_lines": {"en": "word", "zh": "词"},
    "generation.card.body": {
        "en": "**{name}** reads text one {unit} at a time with a {layers}-layer {cell} of {hidden} units and "
              "predicts the next {unit}. It trained on chunks of {bptt} {unit}s, carrying its memory from one "
              "chunk to the next.\n\n- Trained on: {dataset}\n- On text it never saw: **{loss:.3f} nats = {bits:.3f} "
              "bits per {unit}** (perplexity {perplexity:.2f}; validation perplexity {validation:.2f})\n- "
              "Parameters: {params}\n- Trained with: `{command}`",
        "zh": "**{name}** 每次读一个{unit}，用 {layers} 层、每层 {hidden} 个单元的 {cell} 预测下一个{unit}。训练时每段 {bptt} 个{unit}，"
              "并把记忆从上一段带到下一段。\n\n- 训练数据：{dataset}\n- 在从未见过的文本上：**每{unit} {loss:.3f} 奈特 = {bits:.3f} 比特**（困惑度 "
              "{perplexity:.2f}；验证集困惑度 {validation:.2f}）\n- 参数量：{params}\n- 训练命令：`{command}`",
    },
    "generation.prompt_cut": {
        "en": "The beginning is long: only its last {limit:,} characters were read.",
        "zh": "开头太长：只读取了最后 {limit:,} 个字符。",
    },
    "generation.unknown": {
        "en": "{count} character(s) of the beginning are unknown to this model and were read as `<unk>`.",
        "zh": "开头中有 {count} 个字符这个模型不认识，按 `<unk>` 处理。",
    },
    "generation.empty_prompt": {
        "en": "No beginning given: the model starts a new text from scratch.",
        "zh": "没有给出开头：模型从头开始写。",
    },
}
