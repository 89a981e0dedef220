"""Reading a server-drawn chart back out of a page: its table's rows, its lines, its date ticks."""

from bs4 import BeautifulSoup


def chart_figure(page, title):
    soup = BeautifulSoup(page, "html.parser")
    for figure in soup.select("figure[data-testid=chart]"):
        caption = figure.find("figcaption").get_text(" ", strip=True)
        if caption == title or caption.startswith(f"{title} ("):
            return figure
    raise AssertionError(f"no chart titled {title!r}")


def chart_table(page, title):
    """The rows of the table beside the chart titled `title`, as lists of cell texts."""
    table = chart_figure(page, title).select_one("[data-testid=chart-table] table")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


def chart_lines(page, title):
    """{person: number of points} for each line of the chart."""
    figure = chart_figure(page, title)
    return {
        line["data-person"]: len(line.select("circle"))
        for line in figure.select("[data-testid=chart-line]")
    }
