"""Hand-written sentences that check what a test split rarely asks: negation ("not bad at all"), a verdict
that turns after "but", double negatives. Written for this project, never used for training or for choosing
a model; `python -m seqdemo evaluate CHECKPOINT --probes` scores a model on them.

Each is (text, label): 1 positive, 0 negative.
"""

SENTIMENT = {
    "en": [
        ("Not bad at all.", 1),
        ("The movie was not bad at all, I quite liked it.", 1),
        ("It wasn't a great film.", 0),
        ("I did not enjoy a single minute of it.", 0),
        ("I can't say I was disappointed.", 1),
        ("Nothing about this film is memorable.", 0),
        ("The acting is not convincing and the plot never comes together.", 0),
        ("I expected to hate it, but it won me over completely.", 1),
        ("The trailer looked promising, but the film itself is a mess.", 0),
        ("Beautifully shot, but painfully slow and empty.", 0),
        ("The first hour drags, but the ending is superb.", 1),
        ("Some jokes fall flat, but overall it is a charming, warm comedy.", 1),
        ("The cast is talented, but the script gives them nothing to do.", 0),
        ("It never bored me for a second.", 1),
        ("Hardly the worst thing I have seen this year, and often quite funny.", 1),
        ("I wouldn't recommend it to anyone.", 0),
        ("Far from perfect, yet I smiled all the way through.", 1),
        ("Not the masterpiece people promised.", 0),
        ("A wonderful, moving story with a superb cast.", 1),
        ("Dull, predictable and far too long.", 0),
    ],
    "zh": [
        ("外观很漂亮，可惜用了两天就坏了。", 0),
        ("价格有点贵，但是质量真的很好。", 1),
        ("包装很简陋，不过东西还不错。", 1),
        ("客服态度挺好的，但问题一直没解决。", 0),
        ("一点也不好用，后悔买了。", 0),
        ("没有想象中那么差，挺满意的。", 1),
        ("不是很满意，有点失望。", 0),
        ("这本书不算很厚，但内容很精彩。", 1),
        ("物流很快，可惜尺码不对，只能退货。", 0),
        ("质量很好，物流也快，下次还会再来买。", 1),
        ("用了两天就坏了，客服也不理人，非常失望。", 0),
        ("说实话，不差。", 1),
    ],
}
