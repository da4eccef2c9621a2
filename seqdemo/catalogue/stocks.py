"""The Stocks tab."""

STRINGS = {
    "stocks.tab": {"en": "Stocks", "zh": "股价预测"},
    "stocks.disclaimer": {
        "en": "📉 **Not financial advice.** This is a teaching demo of sequence models on old public prices. Nobody "
              "should buy or sell anything because of it.",
        "zh": "📉 **这不是投资建议**。这是用旧的公开股价演示序列模型的教学示例，任何人都不应据此买卖任何东西。",
    },
    "stocks.intro": {
        "en": "An LSTM reads the last days' price changes and forecasts the next days' closing prices, with an 80 "
              "% interval. Beside it, two forecasts that need no model: **persistence** (every future day equals "
              "today) and **drift** (the average daily change so far, carried forward). Price models rarely beat "
              "persistence; the backtest below says plainly whether this one does, from forecasts made on every "
              "day of a test period the model never trained on.",
        "zh": "LSTM 读取最近若干天的价格变化，预测接下来几天的收盘价，并给出 80% 区间。旁边是两个不需要模型的预测：**持平**（未来每天都等于今天）和**漂移**（把迄今的平均每日变化延续下去）。"
              "价格模型很少能胜过持平预测；下面的回测会直接说明这个模型是否做到了：它在一段从未参与训练的测试期内每天都做一次预测。",
    },
    "stocks.model": {"en": "Model", "zh": "模型"},
    "stocks.ticker": {"en": "Ticker (sample data)", "zh": "股票代码（示例数据）"},
    "stocks.upload": {"en": "…or upload your own daily prices (.csv)", "zh": "……或上传自己的每日价格（.csv）"},
    "stocks.upload_hint": {
        "en": "A CSV with a header row: **Date** and **Close**, optionally Open, High, Low and Volume; one row per "
              "trading day, oldest first. Its last fifth becomes the backtest period. Clicking a ticker goes back "
              "to the sample data.",
        "zh": "带表头的 CSV：**Date** 和 **Close**，可选 Open、High、Low、Volume；每个交易日一行，从早到晚。最后五分之一作为回测期。点击股票代码即回到示例数据。",
    },
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
        "en": "✅ **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model beats "
              "persistence**: RMSE {model:.2f} against {persistence:.2f} (skill {skill}; 0 means no better).",
        "zh": "✅ **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型胜过持平预测**：RMSE {model:.2f}，持平为 "
              "{persistence:.2f}（技能分 {skill}；0 表示没有更好）。",
    },
    "stocks.verdict.loses": {
        "en": "❌ **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model does not beat "
              "persistence**: RMSE {model:.2f} against {persistence:.2f} (skill {skill}). Saying “tomorrow = "
              "today” would have done as well or better.",
        "zh": "❌ **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型没有胜过持平预测**：RMSE {model:.2f}，持平为 "
              "{persistence:.2f}（技能分 {skill}）。直接说“明天 = 今天”也一样好或更好。",
    },
    "stocks.verdict.ties": {
        "en": "🟰 **On {origins} forecasts {horizon} day(s) ahead ({start} to {end}), this model is no better than "
              "persistence**: RMSE {model:.2f} against {persistence:.2f} (skill {skill}, within ±0.01 of a tie). "
              "Saying “tomorrow = today” does about as well.",
        "zh": "🟰 **在 {start} 至 {end} 的 {origins} 次提前 {horizon} 天的预测中，这个模型并不比持平预测好**：RMSE {model:.2f}，持平为 "
              "{persistence:.2f}（技能分 {skill}，与打平相差不到 0.01）。直接说“明天 = 今天”也差不多一样好。",
    },
    "stocks.no_backtest": {"en": "The file is too short to backtest at this horizon.", "zh": "文件太短，无法在这个预测长度上回测。"},
    "stocks.using_file": {"en": "Using your file **{name}** ({rows} rows).", "zh": "正在使用你的文件 **{name}**（{rows} 行）。"},
    "stocks.newest_first": {"en": "It lists the newest day first, so it was read from the bottom up.",
                            "zh": "文件把最新的日期放在最前面，因此按从下到上的顺序读取。"},
    "stocks.rows_capped": {
        "en": "The forecast and the backtest read its most recent {read} rows.",
        "zh": "预测和回测只读取其中最近的 {read} 行。",
    },
    "stocks.card.body": {
        "en": "**{name}**: an {cell} ({layers} layer(s), {hidden} units) reads up to {window} days of scaled daily "
              "log returns and emits the 10 %, 50 % and 90 % quantiles of each of the next {horizon} days at once "
              "(direct multi-step forecasting, trained with the quantile loss). Scaling was fitted on the training "
              "period only; prices are adjusted for splits and dividends.\n\n- Trained on: {dataset}; train to 2010, "
              "validation 2011 (chose the epoch), test 2012 to March 2013\n- Parameters: {params}\n- Trained with: "
              "`{command}`\n\nTest period, all four tickers (RMSE in dollars):\n\n{scores}\n\nEach ticker's own skill "
              "against persistence (dollars pool badly: AAPL and GOOG move by more dollars a day than IBM and MSFT):"
              "\n\n{tickers}",
        "zh": "**{name}**：一个 {cell}（{layers} 层，{hidden} 个单元）读取最多 {window} 天经过缩放的每日对数收益率，一次性给出未来 {horizon} 天每一天的 "
              "10%、50%、90% 分位数（直接多步预测，用分位数损失训练）。缩放参数只在训练期上拟合；价格已按拆股和分红复权。\n\n- 训练数据：{dataset}；训练到 2010 年，"
              "2011 年为验证期（用于挑选轮次），测试期为 2012 年至 2013 年 3 月\n- 参数量：{params}\n- 训练命令：`{command}`\n\n测试期，四只股票合计（RMSE 以美元计）："
              "\n\n{scores}\n\n每只股票各自相对持平预测的技能分（美元不宜合计：AAPL 和 GOOG 每天的美元波动比 IBM 和 MSFT 大）：\n\n{tickers}",
    },
    "stocks.adjusted": {
        "en": "Sample prices are adjusted for splits and dividends (AAPL's 2000 prices read about $4, not the $130 quoted "
              "then), so that a split is not mistaken for a crash.",
        "zh": "示例价格已按拆股和分红复权（AAPL 2000 年的价格约为 4 美元，而不是当时报价的 130 美元），以免把拆股误当成暴跌。",
    },
}
