"""Figures (content, not only existence), `trades plot`, and the HTML report rendered in headless
Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml

from trades.outputs import figures
from trades.cli import main


@pytest.fixture(scope="module")
def results(flagship, tmp_path_factory):
    """One output folder with everything: optimize, coalitions (two partners), a 4-case sweep,
    a sensitivity analysis and a 20-sample cost risk of a small version of the flagship."""
    tmp = tmp_path_factory.mktemp("results")
    data = yaml.safe_load(flagship.read_text())
    data["partners"] = [{"id": "nasa"}, {"id": "esa", "cost_factor": 0.86, "budget_cap_musd": 2000}]
    data.pop("design_variables")
    data["sweep"] = {"factors": [{"field": "outpost.stay_days", "values": [30, 60]}, {"field": "outpost.crew_size", "values": [2, 4]}]}
    data["sensitivity"] = {"parameters": [{"field": "outpost.stay_days", "low": 30, "high": 90},
                                          {"input": "cost.spend.crew_launch_price", "low": 0.5, "high": 2.0}], "samples": 8}
    path = tmp / "small.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp / "out"
    for command in (["optimize"], ["coalitions", "--workers", "1"], ["sweep", "--workers", "1"], ["sensitivity", "--workers", "1"],
                    ["cost-risk", "--workers", "1", "--samples", "20"]):
        assert main([command[0], str(path), "-o", str(out), "--format", "json", *command[1:]]) == 0
    return out


def _load(out, name):
    return json.loads((out / name).read_text())


def test_spend_figure(results):
    summary = _load(results, "summary.json")
    fig = figures.spend(summary)
    ax = fig.axes[0]
    years, partners = summary["cost"]["years"], summary["cost"]["partners"]
    assert len(ax.patches) == len(years) * len(partners)  # one stacked bar per partner and year
    assert ax.get_xlabel() == "year" and "MUSD 2024" in ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels) == ["esa", "nasa"]
    # the stack's top in each year is the year's total cost, and no bar reaches the frame
    tops = {}
    for patch in ax.patches:
        x = round(patch.get_x() + patch.get_width() / 2)
        tops[x] = max(tops.get(x, 0.0), patch.get_y() + patch.get_height())
    assert [tops[y] for y in years] == pytest.approx(summary["cost"]["total_by_year_musd"], rel=1e-9)
    assert ax.get_ylim()[1] > max(tops.values())


def test_spend_figure_shows_each_cap_on_its_partners_scale(results):
    """Issue 21 item 8: the caps, drawn on the stack's scale, sat squashed near zero. Each capped
    partner has a panel whose scale puts its cap between a third and all of the height, with
    the partner's own payments (cut at the top and labelled when far above the cap)."""
    summary = _load(results, "summary.json")
    (esa,) = [p for p in summary["cost"]["partners"] if p["budget_cap_musd"] is not None]
    for pays in (esa["pays_by_year_musd"], [10 * esa["budget_cap_musd"]] + esa["pays_by_year_musd"][1:]):
        edited = json.loads(json.dumps(summary))
        edited["cost"]["partners"] = [dict(p, pays_by_year_musd=pays) if p["partner"] == "esa" else p for p in summary["cost"]["partners"]]
        fig = figures.spend(edited)
        assert len(fig.axes) == 2
        panel = fig.axes[1]
        assert panel.get_title().startswith(f"esa: cap {esa['budget_cap_musd']:,.0f} a year")
        (cap_line,) = panel.get_lines()
        assert cap_line.get_ydata()[0] == esa["budget_cap_musd"]
        top = panel.get_ylim()[1]
        assert top / 3 <= esa["budget_cap_musd"] < top
        heights = [patch.get_height() for patch in panel.patches]
        assert heights == pytest.approx([min(v, top) for v in pays])
        cut = [v for v in pays if v > top]
        assert [t.get_text() for t in panel.texts] == [f"{v:,.0f}" for v in cut]


def test_launches_figure(results):
    summary = _load(results, "summary.json")
    ax = figures.launches(summary).axes[0]
    vehicles = {v for r in summary["per_year"] for v in r["launches_by_vehicle"]}
    assert len(ax.patches) == len(vehicles) * len(summary["per_year"])
    assert ax.get_ylabel() == "launches [-]" and ax.get_title() == "Launches per vehicle per year"
    assert sum(p.get_height() for p in ax.patches) == sum(sum(r["launches_by_vehicle"].values()) for r in summary["per_year"])
    # issue 21 item 8: no bar reaches the frame, and the legend is outside the axes (it hid a bar)
    assert ax.get_ylim()[1] > max(p.get_y() + p.get_height() for p in ax.patches)
    fig = ax.figure
    fig.canvas.draw()
    legend, frame = ax.get_legend().get_window_extent(), ax.get_window_extent()
    assert legend.x0 >= frame.x1


def test_shares_and_dividend_figures(results):
    report = _load(results, "coalitions.json")
    ax = figures.shares(report).axes[0]
    assert len(ax.patches) == len(report["partners"]) * len(report["allocations"])
    assert [t.get_text() for t in ax.get_xticklabels()] == report["partners"]
    assert "shapley" in ax.get_legend().get_texts()[0].get_text()
    ax = figures.dividend(report).axes[0]
    assert len(ax.patches) == 2 * len(report["partners"])
    assert f"{report['cooperation_dividend_musd']['total']:,.0f}" in ax.get_title()


def test_sensitivity_figures(results):
    report = _load(results, "sensitivity.json")
    ax = figures.elasticities(report).axes[0]
    assert len(ax.patches) == min(15, len(report["local"]["parameters"]))
    assert "% per %" in ax.get_xlabel()
    ax = figures.tornado(report).axes[0]
    assert len(ax.patches) == 2 * len(report["swings"]["swings"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["parameter at its low end", "parameter at its high end"]
    ax = figures.global_indices(report).axes[0]
    assert len(ax.patches) == 2 * len(report["global"]["indices"])
    assert ax.get_ylabel() == "Sobol index [-]"


def test_plot_command_every_kind(results, tmp_path, capsys):
    for kind in figures.KINDS:
        assert main(["plot", str(results), kind, "-o", str(tmp_path / kind)]) == 0, kind
        for fmt in ("png", "svg", "pdf"):
            assert (tmp_path / f"{kind}.{fmt}").stat().st_size > 1000
    assert (tmp_path / "pareto.svg").read_text().count("Pareto front") >= 1


def test_plot_command_without_its_results(tmp_path, capsys):
    assert main(["plot", str(tmp_path), "shares"]) == 2
    assert "no results for a shares figure here (it is drawn from coalitions.json" in capsys.readouterr().err
    assert main(["plot", str(tmp_path / "nowhere"), "spend"]) == 2
    assert "not an output folder" in capsys.readouterr().err


def test_report_renders_in_headless_chromium(results, tmp_path):
    """The report is one file with every figure embedded; Chromium (Debian's package) loads it
    with the network off and decodes every image."""
    assert main(["report", str(results), "-o", str(tmp_path / "report.html")]) == 0
    text = (tmp_path / "report.html").read_text()
    assert "http://" not in text.replace("http://www.w3.org", "") and "<script" not in text  # nothing fetched, nothing run
    expected = ["spend", "launches", "shares", "dividend", "pareto", "elasticities", "tornado", "global", "s_curve"]
    for kind in expected:
        assert f'data-kind="{kind}"' in text
    assert "Inputs and their sources" in text and "Provenance" in text and "abc2020" in text
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the rendering check needs it")
    probe = tmp_path / "probe.html"  # the report plus a script that counts the images the browser decoded
    probe.write_text(text.replace("</body>", "<script>window.addEventListener('load', () => document.body.setAttribute("
                                  "'data-rendered', [...document.images].filter(i => i.complete && i.naturalWidth > 0).length));</script></body>"))
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert f'data-figures="{len(expected)}"' in dom and f'data-rendered="{len(expected)}"' in dom


def test_report_of_a_folder_without_results(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert "holds no results of trades (no summary.json, coalitions.json, sweep_summary.json, sensitivity.json or cost_risk.json)" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()


@pytest.mark.parametrize("kept, section, figure", [("coalitions.json", "Coalitions and fair shares", "shares"),
                                                   ("sweep_summary.json", "Trade space", "pareto"),
                                                   ("cost_risk.json", "Cost risk", "s_curve")])
def test_report_of_a_folder_with_only_a_game_or_a_sweep(results, tmp_path, kept, section, figure):
    """A folder holding only a coalition game or only a sweep was refused ('no summary.json'): the
    report shows what it holds, and says that there is no run in it."""
    folder = tmp_path / "only"
    folder.mkdir()
    names = {"coalitions.json": ["coalitions.json"], "sweep_summary.json": ["sweep_summary.json", "sweep.sqlite"],
             "cost_risk.json": ["cost_risk.json"]}[kept]
    for name in names:
        shutil.copy(results / name, folder / name)
    assert main(["report", str(folder)]) == 0
    text = (folder / "report.html").read_text()
    assert f"<h2>{section}</h2>" in text and f'data-kind="{figure}"' in text
    assert "no run or optimization (no summary.json)" in text and "<h2>Results</h2>" not in text


def test_damaged_results_give_a_clear_error(tmp_path, capsys):
    (tmp_path / "summary.json").write_text("{ not json")
    (tmp_path / "sweep.sqlite").write_bytes(b"junk" * 200)
    assert main(["plot", str(tmp_path), "spend"]) == 2
    assert "cannot draw the spend figure" in capsys.readouterr().err
    assert main(["plot", str(tmp_path), "pareto"]) == 2
    assert "cannot draw the pareto figure" in capsys.readouterr().err
    assert main(["report", str(tmp_path)]) == 2
    assert "summary.json: damaged: not JSON" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()
