"""The real app in headless Chromium, used the way a newcomer would."""

import json
import re
import time
import zipfile
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from seqdemo.catalogue import t

pytestmark = [pytest.mark.browser, pytest.mark.slow]

POSITIVE_REVIEW = ("An absolute delight from start to finish. The performances are wonderful, the script is sharp and funny, "
                   "and the ending moved me to tears. One of the best films of the year.")


def open_sentiment(page, app_url):
    page.goto(app_url)
    expect(page.locator("#sentiment-input textarea")).to_be_visible(timeout=30_000)


def classify(page, text):
    page.locator("#sentiment-input textarea").fill(text)
    page.locator("#sentiment-submit").click()


def test_a_review_gets_a_label_and_a_confidence(page, app_url):
    open_sentiment(page, app_url)
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile(r"test accuracy \d+\.\d%"))
    classify(page, POSITIVE_REVIEW)
    result = page.locator("#sentiment-label")
    expect(result.locator("h2")).to_have_text("positive", timeout=60_000)
    expect(result).to_contain_text(re.compile(r"\d+%"))
    expect(page.locator("#sentiment-weights")).to_contain_text("delight")
    page.get_by_text("How this model works").click()  # the card shows the model's own training curves
    expect(page.locator(".js-plotly-plot").filter(has_text="Loss: training vs validation").first).to_be_visible(timeout=20_000)
    with page.expect_download(timeout=30_000) as download:  # a shipped checkpoint downloads as one zip
        page.get_by_text("Download this model").first.click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert {"movie-reviews-bilstm-attention/model.safetensors", "movie-reviews-bilstm-attention/config.json"} <= set(
            archive.namelist())
    page.get_by_text("The PyTorch code of this model").first.click()
    expect(page.locator(".cm-content").filter(has_text="seqdemo/models/classifier.py").first).to_be_visible(timeout=20_000)


def test_html_input_is_shown_as_text_and_never_executed(page, app_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_sentiment(page, app_url)
    classify(page, "<script>alert(1)</script><img src=x onerror=\"window.__pwned=1\"> bad movie")
    expect(page.locator("#sentiment-label h2")).to_have_text(re.compile("positive|negative"), timeout=60_000)
    expect(page.locator("#sentiment-weights")).to_contain_text("script")
    expect(page.locator("#sentiment-weights")).to_contain_text("onerror")
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None


def test_empty_input_gets_a_message(page, app_url):
    open_sentiment(page, app_url)
    classify(page, "   ")
    expect(page.locator("#sentiment-status")).to_contain_text("Please type some text first", timeout=30_000)


def test_chinese_browsers_get_the_chinese_interface_and_can_switch(browser, app_url):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(app_url)
    expect(page.get_by_role("tab", name="情感分析")).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="命名实体").click()
    expect(page.locator("#ner-entities")).to_contain_text("置信度")  # an empty table's column names follow the language too
    page.get_by_label("English").check()
    expect(page.get_by_role("tab", name="Sentiment")).to_be_visible(timeout=20_000)
    expect(page.locator("#ner-entities")).to_contain_text("Confidence")  # the open tab at once
    page.get_by_role("tab", name="Sentiment").click()  # another tab when it is opened
    expect(page.locator("#sentiment-submit")).to_have_text("Classify")
    # what the switch computes beyond fixed strings: the picker follows the language, the footer is re-rendered
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile("movie-reviews"))  # not picked: follows the language
    page.get_by_role("tab", name="Train").click()
    expect(page.locator("#train-task input")).to_have_value("Sentiment")
    expect(page.locator("#app-footer")).to_contain_text("Models run on")
    context.close()


def percent(page) -> int:
    match = re.search(r"(\d+)%", page.locator("#train-job-summary").inner_text())
    return int(match.group(1)) if match else -1


def choose(page, dropdown_id, option):
    page.locator(f"#{dropdown_id} input").click()
    page.get_by_role("option", name=option).click()


def choose_training_data(page, option, dataset):
    """Picks the data, then waits until the settings form is drawn for it (a click during the redraw is lost)."""
    choose(page, "train-dataset", option)
    expect(page.locator("#train-command")).to_contain_text(f"--dataset {dataset}", timeout=30_000)


def test_a_training_job_survives_a_reload_and_can_be_cancelled(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Train").click()
    choose_training_data(page, "Rotten Tomatoes review sentences (English)", "rotten_tomatoes")
    page.locator("#hp-sentiment-epochs input").fill("30")
    page.locator("#train-name").get_by_role("textbox").fill("browser job")
    page.locator("#train-start").click()
    expect(page.locator("#train-start-message")).to_contain_text("is queued", timeout=30_000)
    expect(page.locator("#train-job-summary")).to_contain_text("browser job", timeout=30_000)
    expect(page.locator("#train-job-summary")).to_contain_text("running", timeout=60_000)
    page.wait_for_function("() => /[1-9]\\d*%/.test(document.querySelector('#train-job-summary').innerText)", timeout=120_000)
    first = percent(page)
    expect(page.locator("#train-loss-plot .scatterlayer .trace").first).to_be_attached(timeout=30_000)
    page.wait_for_function(f"() => parseInt(document.querySelector('#train-job-summary').innerText.match(/(\\d+)%/)[1]) > {first}",
                           timeout=120_000)

    page.reload()
    page.get_by_role("tab", name="Train").click()
    expect(page.locator("#train-job-summary")).to_contain_text("browser job", timeout=30_000)
    expect(page.locator("#train-job-summary")).to_contain_text("running")
    expect(page.locator("#train-jobs")).to_contain_text("browser job")
    after_reload = percent(page)
    assert after_reload >= first
    page.wait_for_function(f"() => parseInt(document.querySelector('#train-job-summary').innerText.match(/(\\d+)%/)[1]) > {after_reload}",
                           timeout=120_000)

    page.locator("#train-cancel").click()
    expect(page.locator("#train-job-summary")).to_contain_text("cancelled", timeout=20_000)


def test_text_generation_streams_shaded_text(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Text generation").click()
    page.locator("#generation-prompt").get_by_role("textbox").fill("ROMEO:\n")
    page.locator("#generation-temperature input").fill("50")
    page.locator("#generation-submit").click()
    expect(page.locator("#generation-status")).to_contain_text("Temperature must be between 0 and 5", timeout=30_000)

    page.locator("#generation-temperature input").fill("0.8")
    page.locator("#generation-length input[type=number]").fill("60")
    expect(page.locator("#generation-seed textarea, #generation-seed input").first).to_have_value("")  # new text each time
    page.locator("#generation-seed").get_by_role("textbox").fill("12345678901234567890123")
    page.locator("#generation-submit").click()
    expect(page.locator("#generation-text").get_by_role("textbox")).to_have_value(re.compile(r"^ROMEO:\n.{20,}", re.S), timeout=60_000)
    assert page.locator("#generation-output").inner_text().strip()
    expect(page.locator("#generation-status")).not_to_contain_text("Temperature")


def test_translation_shows_the_attention_heatmap(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Translation").click()
    page.locator("#translation-input").get_by_role("textbox").fill("Where is the train station?")
    page.locator("#translation-submit").click()
    expect(page.locator("#translation-output").get_by_role("textbox")).to_have_value(re.compile(r"\S"), timeout=60_000)
    expect(page.locator("#translation-heatmap .heatmaplayer, #translation-heatmap .hm").first).to_be_attached(timeout=30_000)
    expect(page.locator("#translation-alternatives")).to_contain_text(re.compile(r"-\d+\.\d+"))


def test_entities_are_highlighted_in_a_chinese_sentence(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Named entities").click()
    page.locator("#ner-input").get_by_role("textbox").fill("<b>周小川</b>昨天在北京会见了国际货币基金组织总裁。")
    page.locator("#ner-submit").click()  # an English interface starts on the English model, which says so
    expect(page.locator("#ner-status")).to_contain_text("Pick the Chinese model", timeout=60_000)
    page.locator("#ner-model input").click()
    page.get_by_role("option", name=re.compile("msra")).click()
    page.locator("#ner-submit").click()
    table = page.locator("#ner-entities")
    expect(table).to_contain_text("Place", timeout=60_000)
    expect(table).to_contain_text("北京")
    output = page.locator("#ner-output")
    expect(output).to_contain_text("<b>")  # markup shown as text, never rendered
    expect(output.locator("b")).to_have_count(0)
    expect(output.get_by_role("button", name="Person")).to_be_visible()  # types in words, and this model's only
    expect(output.get_by_role("button", name="Company")).to_have_count(0)


def test_a_test_heartbeat_is_classified_with_its_attention_shown(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Medical monitoring").click()
    expect(page.locator("#medical-disclaimer")).to_contain_text("not a medical device")
    page.locator("#ecg-beat input").click()
    # each sample beat is marked with the model's verdict (worked out once the tab is opened, not at start-up)
    expect(page.get_by_role("option", name=re.compile("the model (agrees|gets it wrong)")).first).to_be_visible(
        timeout=30_000)
    page.get_by_role("option", name=re.compile("labelled premature ventricular")).first.click()
    expect(page.locator("#ecg-samples textarea")).to_have_value(re.compile(r"^-?\d+\.\d{3}, "), timeout=30_000)
    expect(page.locator("#ecg-classes")).to_contain_text(re.compile(r"\d+%"), timeout=60_000)
    expect(page.locator("#ecg-status")).to_contain_text("premature ventricular contraction")
    expect(page.locator("#ecg-trace .js-plotly-plot")).to_be_attached(timeout=30_000)
    page.locator("#ecg-samples textarea").fill("1, 2, three")
    page.locator("#ecg-submit").click()
    expect(page.locator("#ecg-status")).to_contain_text("Value 3 (“three”) is not a number", timeout=30_000)


def test_a_ticker_is_forecast_beside_persistence_and_a_bad_upload_is_named(page, app_url, tmp_path):
    page.goto(app_url)
    page.get_by_role("tab", name="Stocks").click()
    expect(page.locator("#stocks-disclaimer")).to_contain_text("Not financial advice")
    page.locator("#stocks-ticker").get_by_text("IBM").click()
    expect(page.locator("#stocks-verdict")).to_contain_text(re.compile(r"(beats|no better than|does not beat) persistence"),
                                                           timeout=60_000)
    expect(page.locator("#stocks-scores")).to_contain_text("drift")
    expect(page.locator("#stocks-chart .js-plotly-plot")).to_be_attached(timeout=30_000)
    bad = tmp_path / "prices.csv"
    bad.write_text("Date,Close\n2020-01-02,10\n2020-01-03,10.5\n2020-01-02,11\n")
    page.locator("#stocks-upload input[type=file]").set_input_files(str(bad))
    expect(page.locator("#stocks-status")).to_contain_text("Row 4", timeout=30_000)


def test_a_glucose_forecast_shows_the_thresholds_and_what_the_monitor_read(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Medical monitoring").click()
    page.get_by_role("tab", name="Glucose forecast").click()
    page.locator("#glucose-moment input").click()
    page.get_by_role("option", name=re.compile("about to go low")).first.click()
    expect(page.locator("#glucose-alerts")).to_contain_text(re.compile(r"In 30 min: forecast \d+ mg/dL"), timeout=60_000)
    expect(page.locator("#glucose-alerts")).to_contain_text("the monitor read")
    expect(page.locator("#glucose-chart .js-plotly-plot")).to_contain_text("low (70 mg/dL)", timeout=30_000)
    page.locator("#glucose-moment input").fill("teatime")
    page.locator("#glucose-submit").click()
    expect(page.locator("#glucose-status")).to_contain_text("is not a date and time", timeout=30_000)


def record_outside_requests(page) -> list[str]:
    """Abort every request that leaves this machine, and remember it."""
    outside = []

    def handle(route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return outside


HOSTILE_NAME = '![t](//evil.example/x.png)<b>b</b><a href="//evil.example/">a</a>'


def test_hostile_job_names_and_csv_headers_are_shown_as_text_and_fetch_nothing(page, app_url, tmp_path):
    outside = record_outside_requests(page)
    page.goto(app_url)
    page.get_by_role("tab", name="Train").click()
    choose_training_data(page, "Rotten Tomatoes review sentences (English)", "rotten_tomatoes")
    page.locator("#train-name").get_by_role("textbox").fill(HOSTILE_NAME)
    page.locator("#train-start").click()
    summary = page.locator("#train-job-summary")
    expect(summary).to_contain_text("![t](//evil.example/x.png)<b>b</b>", timeout=30_000)
    page.locator("#train-cancel").click()
    expect(page.locator("#train-start-message")).to_contain_text("![t](//evil.example/x.png)")
    expect(page.locator("#train-jobs")).to_contain_text("![t](//evil.example/x.png)")

    page.get_by_role("tab", name="Stocks").click()
    bad = tmp_path / "prices.csv"
    bad.write_text('Day,<a href="//evil.example/">l</a>,![i](//evil.example/c.png),<b>x</b>\n2020-01-02,1,2,3\n')
    page.locator("#stocks-upload input[type=file]").set_input_files(str(bad))
    status = page.locator("#stocks-status")
    expect(status).to_contain_text('<a href="//evil.example/">l</a>, ![i](//evil.example/c.png), <b>x</b>', timeout=30_000)
    page.wait_for_timeout(1000)
    for area in ("#train-job-summary", "#train-start-message", "#train-jobs", "#stocks-status"):
        assert page.locator(f"{area} img, {area} a[href*='evil'], {area} b").count() == 0, area
    assert not [url for url in outside if "evil.example" in url]


def test_a_language_switch_keeps_the_model_the_visitor_chose(page, app_url):
    page.goto(app_url)
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile("movie-reviews"), timeout=30_000)
    page.locator("#sentiment-model input").click()
    page.get_by_role("option", name=re.compile("chinese-reviews")).click()
    page.get_by_label("中文").check()
    expect(page.get_by_role("tab", name="情感分析")).to_be_visible(timeout=20_000)
    page.get_by_label("English").check()
    expect(page.get_by_role("tab", name="Sentiment")).to_be_visible(timeout=20_000)
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile("chinese-reviews"))
    page.get_by_role("tab", name="Named entities").click()
    expect(page.locator("#ner-model input")).to_have_value(re.compile("wnut16"))  # untouched pickers follow the language


def test_a_first_language_switch_redraws_the_open_tab_only(page, app_url):
    """Each tab redraws when its language State changes; a browser once took the first switch for a change of
    every tab's State (they sat in tabs it had not drawn), and redrew all eight tabs."""
    page.goto(app_url)
    expect(page.locator("#sentiment-submit")).to_be_visible(timeout=30_000)
    config = page.evaluate("() => window.gradio_config")
    states = {c["id"] for c in config["components"] if c["type"] == "state"}
    redraws = {d["id"] for d in config["dependencies"]
               if any(event == "change" and target in states for target, event in d["targets"])}
    asked: list[int] = []
    page.on("request", lambda request: asked.append(json.loads(request.post_data)["fn_index"])
            if request.url.split("?")[0].endswith("/queue/join") else None)
    page.get_by_label("中文").check()
    expect(page.locator("#sentiment-submit")).to_have_text("分析情感", timeout=20_000)
    page.wait_for_timeout(1500)  # the stray redraws came about half a second after the switch
    assert len(redraws & set(asked)) == 1, asked


def test_the_jobs_are_followed_only_while_the_train_tab_is_open(page, app_url):
    """Every open page asked for the job table every two seconds, whichever tab it showed."""
    page.goto(app_url)
    expect(page.locator("#sentiment-submit")).to_be_visible(timeout=30_000)
    config = page.evaluate("() => window.gradio_config")
    refresh = next(d["id"] for d in config["dependencies"] if d["api_name"] == "refresh_jobs")
    asked: list[int] = []
    page.on("request", lambda request: asked.append(json.loads(request.post_data)["fn_index"])
            if request.url.split("?")[0].endswith("/queue/join") else None)

    def refreshes_within(seconds: float) -> int:
        asked.clear()
        page.wait_for_timeout(seconds * 1000)
        return asked.count(refresh)

    assert refreshes_within(5) == 0
    asked.clear()
    page.get_by_role("tab", name="Train").click()
    deadline = time.monotonic() + 30  # at once, then every two seconds once an answer is in (a first one may be slow)
    while asked.count(refresh) < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert asked.count(refresh) >= 3, asked
    page.get_by_role("tab", name="Sentiment").click()
    page.wait_for_timeout(1000)  # a tick may have been on its way
    assert refreshes_within(5) == 0


def close_list_without_a_choice(page, dropdown_id):
    """Open a dropdown's list and leave it without choosing (the browser then reports an input on blur)."""
    page.locator(f"#{dropdown_id} input").click()
    expect(page.get_by_role("option").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")


def test_a_list_closed_without_a_choice_counts_as_no_choice(page, app_url):
    page.goto(app_url)
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile("movie-reviews"), timeout=30_000)
    close_list_without_a_choice(page, "sentiment-model")
    page.locator("#sentiment-input textarea").click()
    page.wait_for_timeout(1000)
    page.get_by_label("中文").check()
    expect(page.locator("#sentiment-model input")).to_have_value(re.compile("chinese-reviews"), timeout=20_000)
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Medical monitoring").click()
    close_list_without_a_choice(page, "ecg-beat")
    page.locator("#ecg-samples textarea").fill("1, 2, three")  # leaving the list: what is typed stays
    page.wait_for_timeout(1000)
    page.locator("#ecg-submit").click()
    expect(page.locator("#ecg-status")).to_contain_text("Value 3 (“three”) is not a number", timeout=30_000)
    page.get_by_role("tab", name="Glucose forecast").click()
    close_list_without_a_choice(page, "glucose-moment")
    page.locator("#glucose-submit").focus()
    page.wait_for_timeout(1500)
    expect(page.locator("#glucose-status")).to_have_text("")  # no forecast asked for, so no complaint


def test_the_train_form_puts_a_few_settings_first_shows_its_command_and_marks_a_bad_setting(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Train").click()
    expect(page.locator("#hp-sentiment-cell")).to_be_visible(timeout=30_000)
    expect(page.locator("#hp-sentiment-lr")).to_be_hidden()  # under Advanced until it is opened
    expect(page.locator("#train-command")).to_contain_text("--preset quick")
    page.locator("#hp-sentiment-hidden_size input").fill("48")
    page.locator("#hp-sentiment-hidden_size input").press("Enter")
    expect(page.locator("#train-command")).to_contain_text("--hidden-size 48", timeout=10_000)
    page.locator("#train-advanced").get_by_text("Advanced settings").click()
    expect(page.locator("#hp-sentiment-lr")).to_be_visible()
    expect(page.locator("#hp-sentiment-lr")).to_contain_text("learning rate")
    page.locator("#hp-sentiment-dropout input").fill("")
    page.locator("#hp-sentiment-dropout input").press("Enter")
    page.get_by_label("中文").check()
    expect(page.locator("#hp-sentiment-lr")).to_contain_text("学习率", timeout=20_000)
    expect(page.locator("#hp-sentiment-hidden_size input")).to_have_value("48")  # what was typed survives the switch
    page.locator("#train-start").click()
    expect(page.locator("#train-start-message")).to_contain_text("“Dropout” 需要填写一个值", timeout=20_000)
    expect(page.locator("#hp-sentiment-dropout")).to_have_class(re.compile("setting-invalid"))
    expect(page.locator("#hp-sentiment-hidden_size")).not_to_have_class(re.compile("setting-invalid"))


def test_clicking_an_example_runs_it_and_a_switch_clears_the_answer_but_keeps_the_text(page, app_url):
    open_sentiment(page, app_url)
    classify(page, POSITIVE_REVIEW)
    expect(page.locator("#sentiment-label h2")).to_have_text("positive", timeout=60_000)
    page.locator("#sentiment-examples").get_by_text("I wanted to like this movie").click()
    expect(page.locator("#sentiment-label h2")).to_have_text("negative", timeout=60_000)
    expect(page.locator("#sentiment-status")).to_contain_text(re.compile(r"negative.*(sure|unsure|leans)", re.I))
    page.get_by_label("中文").check()
    expect(page.locator("#sentiment-label h2")).to_have_count(0, timeout=20_000)  # the English answer is gone
    expect(page.locator("#sentiment-input textarea")).to_have_value(re.compile("Two hours I will never get back"))


def test_translation_says_when_the_sentence_is_in_the_other_language(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Translation").click()
    page.locator("#translation-input").get_by_role("textbox").fill("我明天要去北京。")
    page.locator("#translation-submit").click()  # the English -> Chinese model is chosen
    expect(page.locator("#translation-status")).to_contain_text("this model translates from English", timeout=60_000)
    page.locator("#translation-examples").get_by_text("这本书很有意思").click()  # an example brings its own direction
    expect(page.locator("#translation-direction input[value=zh_en]")).to_be_checked(timeout=20_000)
    expect(page.locator("#translation-output textarea")).to_have_value(re.compile(r"[A-Za-z]"), timeout=60_000)
    expect(page.locator("#translation-status")).not_to_contain_text("this model translates from")


PHONE_TABS = {"en-US": ["Sentiment", "Text generation", "Translation", "Named entities", "Stocks", "Medical monitoring", "Lab", "Train"],
              "zh-CN": ["情感分析", "文本生成", "机器翻译", "命名实体", "股价预测", "医疗监测", "实验室", "训练"]}


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("locale", PHONE_TABS)
def test_on_a_phone_every_tab_is_reachable_and_nothing_runs_off_the_side(browser, app_url, locale):
    context = browser.new_context(locale=locale, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(app_url)
    tabs = PHONE_TABS[locale]
    expect(page.get_by_role("tab", name=tabs[0])).to_be_visible(timeout=30_000)
    classify(page, POSITIVE_REVIEW)
    expect(page.locator("#sentiment-label h2")).to_have_text(re.compile(r"\S"), timeout=60_000)
    assert page_width(page) <= 390
    for name in tabs[1:]:
        tab = page.get_by_role("tab", name=name)
        if not tab.is_visible():  # tabs that do not fit sit behind Gradio's "..." menu
            page.locator(".tab-wrapper button.overflow-menu, .tab-wrapper [class*=overflow] button").first.click()
            tab = page.locator(".overflow-dropdown button", has_text=re.compile(f"^{name}$"))
        tab.click()
        page.wait_for_timeout(300)
        assert page_width(page) <= 390, name
    # the form is drawn again in the page's language when the tab is first opened: a click before that is lost
    expect(page.locator("#train-advanced")).to_contain_text(t("train.advanced", locale[:2]), timeout=30_000)
    page.locator("#train-advanced .label-wrap").click()
    expect(page.locator("#hp-sentiment-lr")).to_be_visible(timeout=10_000)
    assert page_width(page) <= 390  # the job table scrolls inside itself
    context.close()


def test_every_lab_view_draws(page, app_url):
    page.goto(app_url)
    page.get_by_role("tab", name="Lab", exact=True).click()
    page.locator("#lab-flow-submit").click()
    expect(page.locator("#lab-flow-chart .js-plotly-plot")).to_contain_text("LSTM", timeout=60_000)
    expect(page.locator("#lab-flow-status")).to_contain_text("steps back")
    page.locator("#lab-flow-source").get_by_text("the shipped Shakespeare LSTM").click()
    page.locator("#lab-flow-submit").click()
    expect(page.locator("#lab-flow-status")).to_contain_text("trained LSTM, your text", timeout=60_000)
    page.locator("#lab-clip-submit").click()
    expect(page.locator("#lab-clip-status")).to_contain_text("Without clipping the gradient became infinite", timeout=60_000)
    page.get_by_role("tab", name="Inside the cell").click()
    page.locator("#lab-inside-submit").click()
    expect(page.locator("#lab-inside-gates .js-plotly-plot")).to_contain_text("forget gate", timeout=60_000)
    expect(page.locator("#lab-inside-running .js-plotly-plot")).to_contain_text("superb")
    page.locator("#lab-inside-model input").click()
    page.get_by_role("option", name=re.compile("shakespeare-char-lstm")).click()  # a generation model reads a prompt
    page.locator("#lab-inside-input textarea").fill("ROMEO:")
    page.locator("#lab-inside-submit").click()
    expect(page.locator("#lab-inside-path .js-plotly-plot")).to_contain_text("R", timeout=60_000)
    expect(page.locator("#lab-inside-running .js-plotly-plot")).to_have_count(0)
    page.get_by_role("tab", name="Memory over distance").click()
    for slider, value in (("#lab-memory-gap", "2"), ("#lab-memory-steps", "50")):
        page.locator(f"{slider} input[type=number]").fill(value)
        page.locator(f"{slider} input[type=number]").press("Enter")
    page.locator("#lab-memory-submit").click()
    expect(page.locator("#lab-memory-status")).to_contain_text("Gap 2: RNN error", timeout=120_000)
    expect(page.locator("#lab-memory-chart .js-plotly-plot")).to_contain_text("GRU")
    page.get_by_role("tab", name="RNN vs LSTM vs BiLSTM").click()  # drawn from the shipped comparison models
    expect(page.locator("#lab-compare-chart .js-plotly-plot")).to_contain_text("imdb-bilstm-small", timeout=20_000)
    expect(page.locator("#lab-compare-table")).to_contain_text("imdb-rnn-small")
    page.get_by_role("tab", name="CRF paths").click()
    page.locator("#lab-crf-examples").get_by_text("鲁迅原名周树人").click()  # an example brings the Chinese CRF model
    expect(page.locator("#lab-crf-summary")).to_contain_text("The CRF's path has probability", timeout=60_000)
    expect(page.locator("#lab-crf-table")).to_contain_text("B-PER")
    expect(page.locator("#lab-crf-transitions .js-plotly-plot")).to_contain_text("tag before")
