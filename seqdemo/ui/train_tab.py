"""The Train tab: queue background training jobs, watch them live, cancel, resume, delete, compare.

The tab only reads and writes the job database through `JobService`; training happens in worker
processes, so closing or reloading the page changes nothing, and every browser sees the same jobs.
"""

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from ..hparams import from_dict
from ..jobs import FINISHED, Job, UnknownJob
from ..jobs.service import MAX_PROCESSES, JobRefused, JobService
from ..tasks import TASKS, Task
from ..tasks.runner import InvalidSettings, train_command
from ..train.checkpoint import METRICS, CheckpointError, read_json
from . import plots, settings_form
from .localizer import Localizer, t, t_user, user_text
from .plots import metric_name

REFRESH_SECONDS = 2.0
DEFAULT_PRESET = "quick"
TABLE_COLUMNS = ["id", "name", "status", "epoch", "eta", "best"]  # few and short: it must fit a phone
COMPARED_SETTINGS = ("cell", "layers", "hidden_size", "bidirectional")  # what jobs compared side by side tend to vary


# ---- formatting -----------------------------------------------------------------------------

def duration(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "–"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def job_label(job: Job) -> str:
    return f"#{job.id} · {job.name}"


def status_text(job: Job, lang: str) -> str:
    """"running 45 %", "cancelling…" (asked to stop, not yet stopped), "succeeded", ..."""
    if job.status == "running" and job.cancel_requested:
        return t("status.cancelling", lang)
    if job.status == "running":
        return f"{t('status.running', lang)} {job.progress:.0%}"
    return t(f"status.{job.status}", lang)


def best_text(job: Job, lang: str) -> str:
    return f"{metric_name(job.metric, lang)} {job.best_metric:.4f}" if job.best_metric is not None else "–"


def jobs_table(jobs: list[Job], lang: str) -> list[list[Any]]:
    return [[job.id, job.name, status_text(job, lang), f"{job.epoch}/{job.epochs}", duration(job.eta), best_text(job, lang)]
            for job in reversed(jobs)]  # newest first


def job_summary(job: Job, lang: str, details: bool = True) -> str:
    best = f"{job.best_metric:.4f}" if job.best_metric is not None else "–"
    text = t("train.summary", lang, id=job.id, name=user_text(job.name), status=status_text(job, lang),
             progress=f"{job.progress:.0%}", epoch=job.epoch, epochs=job.epochs, elapsed=duration(job.elapsed),
             eta=duration(job.eta), metric=metric_name(job.metric, lang), best=best)
    if not details:
        return text + "\n\n" + t("train.details_private", lang)
    if job.error:
        text += "\n\n" + t_user("train.error", lang, error=job.error)
    if job.status == "succeeded" and job.checkpoint:
        text += "\n\n" + t("train.done", lang, task=t(f"task.{job.task}", lang))
    return text


def test_figures(job: Job) -> dict[str, float]:
    if not job.checkpoint:
        return {}
    try:
        return read_json(Path(job.checkpoint) / METRICS).get("test", {})
    except CheckpointError:  # a deleted folder simply has no figures
        return {}


# ---- the tab --------------------------------------------------------------------------------

class TrainTab:
    def __init__(self, L: Localizer, lang: gr.components.Component, service: JobService):
        self.L, self.lang, self.service = L, lang, service
        self.tasks = list(TASKS.values())
    # -- layout

    def build(self, app: gr.Blocks, tabs: gr.Tabs) -> None:
        L = self.L
        first = self.tasks[0]
        with L.tab("train.tab") as self.tab:
            L.bind(gr.Markdown(), value="train.intro")
            if not self.service.access.may_start:
                L.bind(gr.Markdown(), value="jobs.refused_share")
            with gr.Row():
                with gr.Column(scale=2, min_width=340):
                    self._form(first)
                    self._render_form(app)
                with gr.Column(scale=3):
                    self._queue()
            self._details()
            self._comparison()
        self._wire(tabs)

    def _form(self, first: Task) -> None:
        L = self.L
        L.bind(gr.Markdown(), value="train.new_job")
        self.task_dd = L.bind(gr.Dropdown(choices=self._task_choices(L.default), value=first.name, elem_id="train-task"),
                              label="train.task")
        first_dataset = next(iter(first.datasets))
        self.dataset_dd = L.bind(gr.Dropdown(choices=self._dataset_choices(first, L.default), value=first_dataset,
                                             elem_id="train-dataset"), label="train.dataset")
        self.preset_dd = L.bind(gr.Dropdown(choices=self._preset_choices(first, L.default), value=DEFAULT_PRESET,
                                            elem_id="train-preset"), label="train.preset", info="train.preset_info")
        self.name_tb = L.bind(gr.Textbox(max_length=60, interactive=True, elem_id="train-name"), label="train.name",
                              placeholder="train.name_hint")
        # what the drawn form holds, so that a language switch draws it again without losing what was typed:
        # {"source": [task, dataset, preset], "values": {setting: value}}
        self.kept = gr.State({})
        self.processes = L.bind(gr.Slider(1, MAX_PROCESSES, value=1, step=1, interactive=True, elem_id="train-processes",
                                          render=False),
                                label="train.processes", info="train.processes_info")
        self.start_btn = L.bind(gr.Button(variant="primary", elem_id="train-start", render=False), value="train.start")
        self.start_msg = gr.Markdown(elem_id="train-start-message", render=False)

    def _render_form(self, app: gr.Blocks) -> None:
        """Only the chosen task's settings are on the page, drawn again for another task, data, preset or
        language (a language switch keeps what was typed)."""
        shown = self.L.tab_language  # the Train tab's: a switch made elsewhere redraws the form when the tab is opened
        @gr.render(inputs=[self.task_dd, self.dataset_dd, self.preset_dd, shown, self.kept],
                   triggers=[app.load, self.task_dd.change, self.dataset_dd.change, self.preset_dd.change, shown.change])
        def form(task_name: str, dataset: str, preset: str, lang: str, kept: dict):
            task = TASKS.get(task_name)
            if task is None or dataset not in task.datasets or preset not in task.presets:
                return  # the pickers are still catching up with a new task
            values = task.hyperparameters(dataset, preset)
            if kept.get("source") == [task_name, dataset, preset]:
                values = replace(values, **{k: v for k, v in kept["values"].items() if hasattr(values, k)})
            widgets = settings_form.build(task, values, lang)
            command = gr.Code(train_command(task_name, dataset, values, preset), language="shell", interactive=False,
                              label=t("train.command", lang), elem_id="train-command")

            def remember(data: dict):
                settings = {name: data[w] for name, w in widgets.items()}
                try:
                    shown = train_command(task_name, dataset, from_dict(task.Hyperparameters, settings), preset)
                except (TypeError, ValueError):  # a half-typed number: the command waits for it
                    shown = gr.update()
                return {"source": [task_name, dataset, preset], "values": settings}, shown

            gr.on([w.change for w in widgets.values()], remember, set(widgets.values()), [self.kept, command],
                  show_progress="hidden", api_visibility="private")

            def start(data: dict, request: gr.Request):  # annotated, so Gradio passes the request
                return self.on_start(task, widgets, data, request)

            self.start_btn.click(start, {self.dataset_dd, self.preset_dd, self.name_tb, self.processes, self.lang,
                                         *widgets.values()},
                                 [self.start_msg, self.job_dd, self.compare_dd, *widgets.values()], api_name="start_job")

        self.processes.render()
        self.start_btn.render()
        self.start_msg.render()

    def _queue(self) -> None:
        L = self.L
        L.bind(gr.Markdown(), value="train.jobs")
        self.table = L.bind(gr.Dataframe(value=jobs_table(self.service.store.jobs(), L.default), interactive=False,
                                         wrap=True, max_height=360, elem_id="train-jobs",
                                         column_widths=["8%", "30%", "20%", "12%", "12%", "18%"]),
                            headers=[f"train.col.{c}" for c in TABLE_COLUMNS])
        jobs = self.service.store.jobs()
        # custom values allowed: the choices change while the page is open, faster than Gradio's own record of them
        self.job_dd = L.bind(gr.Dropdown(choices=[(job_label(j), j.id) for j in reversed(jobs)], value=None,
                                         allow_custom_value=True, elem_id="train-job"), label="train.selected")
        with gr.Row():
            self.cancel_btn = L.bind(gr.Button(size="sm", elem_id="train-cancel"), value="train.cancel")
            self.resume_btn = L.bind(gr.Button(size="sm", elem_id="train-resume"), value="train.resume")
            self.delete_btn = L.bind(gr.Button(size="sm", variant="stop", elem_id="train-delete"), value="train.delete")
        with gr.Row(visible=False) as self.confirm_row:
            self.confirm_md = gr.Markdown()
            self.confirm_yes = L.bind(gr.Button(size="sm", variant="stop", elem_id="train-delete-yes"), value="train.delete_yes")
            self.confirm_no = L.bind(gr.Button(size="sm"), value="train.delete_no")
        self.action_msg = gr.Markdown(elem_id="train-action-message")

    def _details(self) -> None:
        L = self.L
        self.summary_md = gr.Markdown(elem_id="train-job-summary")
        with gr.Row():
            self.loss_plot = gr.Plot(elem_id="train-loss-plot", show_label=False)
            self.metric_plot = gr.Plot(elem_id="train-metric-plot", show_label=False)
        with gr.Row():
            self.settings_json = L.bind(gr.JSON(elem_id="train-settings"), label="train.settings")
            self.log_box = L.bind(gr.Textbox(lines=12, max_lines=12, interactive=False, autoscroll=True,
                                             elem_id="train-log"), label="train.log")
        self.seen = gr.State({})  # what the page already shows, to redraw only when something changed

    def _comparison(self) -> None:
        L = self.L
        with gr.Accordion(open=False) as box:
            L.bind(box, label="train.compare")
            L.bind(gr.Markdown(), value="train.compare_intro")
            with gr.Row():
                self.compare_dd = L.bind(gr.Dropdown(multiselect=True, choices=self._job_choices(), allow_custom_value=True,
                                                     elem_id="train-compare-jobs", scale=4), label="train.compare_jobs")
                self.compare_btn = L.bind(gr.Button(scale=1, elem_id="train-compare"), value="train.compare_button")
            self.compare_plot = gr.Plot(show_label=False, elem_id="train-compare-plot")
            self.compare_table = gr.Dataframe(interactive=False, wrap=True, elem_id="train-compare-table")

    # -- choices

    def _task_choices(self, lang: str) -> list[tuple[str, str]]:
        return [(t(f"task.{task.name}", lang), task.name) for task in self.tasks]

    @staticmethod
    def _dataset_choices(task: Task, lang: str) -> list[tuple[str, str]]:
        return [(t(f"dataset.{name}", lang), name) for name in task.datasets]

    @staticmethod
    def _preset_choices(task: Task, lang: str) -> list[tuple[str, str]]:
        return [(t(f"preset.{name}", lang), name) for name in task.presets]

    def _job_choices(self) -> list[tuple[str, int]]:
        return [(job_label(j), j.id) for j in reversed(self.service.store.jobs())]

    # -- behaviour

    def on_task(self, task_name: str, lang: str):
        task = TASKS[task_name]
        return (gr.update(choices=self._dataset_choices(task, lang), value=next(iter(task.datasets))),
                gr.update(choices=self._preset_choices(task, lang),
                          value=DEFAULT_PRESET if DEFAULT_PRESET in task.presets else "default"))

    def who(self, request: gr.Request | None) -> str | None:
        """Whose request this is: the login where there are logins, else the browser session."""
        if request is None:
            return None
        return getattr(request, "username", None) if self.service.access.logins else getattr(request, "session_hash", None)

    def on_start(self, task: Task, widgets: dict[str, gr.components.Component], data: dict, request: gr.Request):
        lang = data[self.lang]
        values = {name: data[widget] for name, widget in widgets.items()}
        unmarked = dict(zip(widgets.values(), settings_form.highlights(widgets, [])))
        try:
            job = self.service.submit(task.name, data[self.dataset_dd], values, preset=data[self.preset_dd],
                                      name=data[self.name_tb] or "", processes=int(data[self.processes] or 1),
                                      session=self.who(request))
        except InvalidSettings as error:
            problems = "\n".join(f"- {user_text(settings_form.problem_message(p, task, lang))}" for p in error.problems)
            marked = dict(zip(widgets.values(), settings_form.highlights(widgets, error.problems)))
            return {self.start_msg: t("train.invalid", lang) + "\n" + problems, self.job_dd: gr.update(),
                    self.compare_dd: gr.update(), **marked}
        except JobRefused as error:
            return {self.start_msg: "⚠️ " + error.problem.message(lang), self.job_dd: gr.update(),
                    self.compare_dd: gr.update(), **unmarked}
        return {self.start_msg: t("train.queued", lang, id=job.id, name=user_text(job.name)),
                self.job_dd: gr.update(choices=self._job_choices(), value=job.id),
                self.compare_dd: gr.update(choices=self._job_choices()), **unmarked}

    def refresh(self, job_id: int | None, lang: str, seen: dict, request: gr.Request):
        """Timer tick: the table always; job pickers when jobs came or went; the selected job's
        curves only when new metrics arrived (redrawing plots every tick would flicker)."""
        jobs = self.service.store.jobs()
        ids = [j.id for j in jobs]
        if ids != seen.get("ids"):
            choices = [(job_label(j), j.id) for j in reversed(jobs)]
            pickers = [gr.update(choices=choices), gr.update(choices=choices)]
        else:
            pickers = [gr.update(), gr.update()]
        seen = {**seen, "ids": ids}
        job = self._job(job_id)
        # a message about a job ("queued again", "cancelling") lasts until the job moves on or another is picked
        moved_on = job is None or seen.get("job_status") != [job.id, job.status]
        message = "" if moved_on and "job_status" in seen else gr.update()
        seen["job_status"] = None if job is None else [job.id, job.status]
        if job is None:
            return [jobs_table(jobs, lang), *pickers, "", None, None, None, "", seen, message]
        if not self.service.access.may_see_details(job, self.who(request)):
            seen["stamp"] = None
            return [jobs_table(jobs, lang), *pickers, job_summary(job, lang, details=False), None, None, None, "", seen, message]
        metrics = self.service.store.metrics(job.id)
        stamp = [job.id, len(metrics), job.status, lang]
        curves = [gr.update(), gr.update(), gr.update()]
        if stamp != seen.get("stamp"):
            curves = [plots.loss_curves(metrics, lang), plots.metric_curve(metrics, job.metric, lang),
                      {"task": job.task, "dataset": job.dataset, **job.config}]
        seen["stamp"] = stamp
        log = "\n".join(self.service.store.log_tail(job.id))
        return [jobs_table(jobs, lang), *pickers, job_summary(job, lang), *curves, log, seen, message]

    def latest_job(self) -> int | None:
        """The newest running job, else the newest job of all."""
        jobs = self.service.store.jobs()
        running = [j for j in jobs if j.status == "running"]
        return (running or jobs)[-1].id if jobs else None

    def on_select_row(self, evt: gr.SelectData, table):
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        try:
            return int(table.iloc[row, 0])
        except (IndexError, ValueError, AttributeError):
            return gr.update()

    def _job(self, value: Any) -> Job | None:
        """The picker's value (it also accepts typed text) as a job, or None."""
        try:
            return self.service.store.get(value)
        except UnknownJob:
            return None

    def on_cancel(self, job_id, lang, request: gr.Request):
        job = self._job(job_id)
        if job is None:
            return t("train.pick_first", lang)
        try:
            self.service.cancel(job.id, self.who(request))
        except JobRefused as error:
            return "⚠️ " + error.problem.message(lang)
        return t("train.cancel_sent", lang, id=job.id, status=status_text(self.service.store.get(job.id), lang))

    def on_resume(self, job_id, lang, request: gr.Request):
        job = self._job(job_id)
        if job is None:
            return t("train.pick_first", lang)
        try:
            self.service.resume(job.id, self.who(request))
        except JobRefused as error:
            return "⚠️ " + error.problem.message(lang)
        return t("train.resumed", lang, id=job.id)

    def on_delete(self, job_id, lang, request: gr.Request):
        job = self._job(job_id)
        if job is None:
            return gr.update(visible=False), "", t("train.pick_first", lang)
        if not self.service.access.may_change(job, self.who(request)):
            key = "jobs.not_yours" if self.service.access.logins else "jobs.refused_share_change"
            return gr.update(visible=False), "", "⚠️ " + t(key, lang, id=job.id)
        if job.status not in FINISHED:
            return gr.update(visible=False), "", "⚠️ " + t("jobs.delete_active", lang, status=t(f"status.{job.status}", lang))
        return gr.update(visible=True), t("train.delete_confirm", lang, id=job.id, name=user_text(job.name)), ""

    def on_delete_confirmed(self, job_id, lang, request: gr.Request):
        job = self._job(job_id)
        if job is None:
            return gr.update(visible=False), t("train.pick_first", lang), gr.update()
        try:
            self.service.delete(job.id, self.who(request))
        except JobRefused as error:
            return gr.update(visible=False), "⚠️ " + error.problem.message(lang), gr.update()
        return gr.update(visible=False), t("train.deleted", lang, id=job.id), None

    def on_compare(self, job_ids, lang, request: gr.Request):
        who = self.who(request)
        jobs = [job for job in map(self._job, job_ids or [])
                if job is not None and self.service.access.may_see_details(job, who)]
        if not jobs:
            return None, None
        metric = jobs[0].metric
        runs = {job_label(j): self.service.store.metrics(j.id) for j in jobs}
        rows = []
        for job in jobs:
            hp = job.config.get("hyperparameters", {})
            test = test_figures(job)
            rows.append({
                t("train.col.name", lang): job_label(job),
                **{t(f"setting.{name}", lang): hp.get(name, "–") for name in COMPARED_SETTINGS},
                t("train.col.status", lang): status_text(job, lang),
                t("train.col.best", lang): round(job.best_metric, 4) if job.best_metric is not None else "–",
                t("train.col.test", lang, metric=metric_name(metric, lang)): round(test[metric], 4) if metric in test else "–",
                t("train.col.elapsed", lang): duration(job.elapsed),
            })
        return plots.comparison(runs, metric, lang), pd.DataFrame(rows)

    def on_language(self, task_name: str, lang: str):
        """The pickers' choice labels in the new language (the form draws itself again)."""
        task = TASKS[task_name]
        return (gr.update(choices=self._task_choices(lang)), gr.update(choices=self._dataset_choices(task, lang)),
                gr.update(choices=self._preset_choices(task, lang)))

    def _wire(self, tabs: gr.Tabs) -> None:
        self.task_dd.change(self.on_task, [self.task_dd, self.lang], [self.dataset_dd, self.preset_dd],
                            api_visibility="private")
        # The jobs are followed only while this tab is in sight: every open page asked every REFRESH_SECONDS
        # whichever tab it showed. Opening the tab brings them up to date at once.
        timer = gr.Timer(REFRESH_SECONDS, active=False)
        position = tabs.children.index(self.tab)

        def follow_while_open(evt: gr.SelectData) -> gr.Timer:
            return gr.Timer(active=evt.index == position)

        tabs.select(follow_while_open, None, timer, show_progress="hidden", api_visibility="private")
        details = [self.summary_md, self.loss_plot, self.metric_plot, self.settings_json, self.log_box]
        refresh_outputs = [self.table, self.job_dd, self.compare_dd] + details + [self.seen, self.action_msg]
        gr.on([timer.tick, self.tab.select], self.refresh, [self.job_dd, self.lang, self.seen], refresh_outputs,
              show_progress="hidden", api_name="refresh_jobs")
        self.job_dd.change(self.refresh, [self.job_dd, self.lang, self.seen], refresh_outputs, show_progress="hidden")
        self.table.select(self.on_select_row, [self.table], self.job_dd)
        self.cancel_btn.click(self.on_cancel, [self.job_dd, self.lang], self.action_msg, api_name="cancel_job")
        self.resume_btn.click(self.on_resume, [self.job_dd, self.lang], self.action_msg, api_name="resume_job")
        self.delete_btn.click(self.on_delete, [self.job_dd, self.lang], [self.confirm_row, self.confirm_md, self.action_msg],
                              api_name="delete_job")
        self.confirm_no.click(lambda: gr.update(visible=False), None, self.confirm_row)
        self.confirm_yes.click(self.on_delete_confirmed, [self.job_dd, self.lang], [self.confirm_row, self.action_msg, self.job_dd],
                               api_name="delete_job_confirmed")
        self.compare_btn.click(self.on_compare, [self.compare_dd, self.lang], [self.compare_plot, self.compare_table])
        self.L.follow(self.on_language, [self.task_dd], [self.task_dd, self.dataset_dd, self.preset_dd])


def build(L: Localizer, lang: gr.components.Component, service: JobService, app: gr.Blocks, tabs: gr.Tabs) -> None:
    tab = TrainTab(L, lang, service)
    tab.build(app, tabs)
    app.load(tab.latest_job, None, tab.job_dd)  # a fresh page follows the job most likely wanted
