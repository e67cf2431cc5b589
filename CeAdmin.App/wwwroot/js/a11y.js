// The skip link ("跳到主要内容"). Its href "#main-content" would resolve against <base href="/"> and Blazor would
// navigate to the home page, so the click is handled here (capture phase, before Blazor's link interception, which
// leaves a prevented click alone): the focus goes to the page's heading, or to <main> itself.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) return;
    event.preventDefault();
    const main = document.getElementById('main-content');
    const target = (main && main.querySelector('h1')) || main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: 'start' });
}, true);

// MudDataGrid 9 names every sort button "排序" (its localizer key carries no column): name each after its column
// ("按姓名排序") and say on the header which way the grid is sorted. Blazor leaves these attributes alone: the
// value it renders ("排序") does not change between renders, so it never writes the attribute again.
(() => {
    const name = () => {
        for (const button of document.querySelectorAll('th button.sort-direction-icon')) {
            const th = button.closest('th');
            const title = th.querySelector('.sortable-column-header')?.textContent.trim();
            if (!title) continue;
            const label = `按${title}排序`;
            if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
            const sort = button.classList.contains('mud-direction-asc') ? 'ascending'
                : button.classList.contains('mud-direction-desc') ? 'descending' : null;
            if (sort) th.setAttribute('aria-sort', sort); else th.removeAttribute('aria-sort');
        }
    };
    let queued = false;
    new MutationObserver(() => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => { queued = false; name(); });
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
})();

// A grid cell whose text ends in "…" (app.css clips long names at 1366 px) shows the whole text as its tooltip,
// set when the pointer or the focus reaches it, so that it follows the cell's current text.
(() => {
    const explain = event => {
        const cell = event.target instanceof Element ? event.target.closest('td.mud-table-cell') : null;
        if (!cell) return;
        if (cell.scrollWidth > cell.clientWidth) cell.title = cell.textContent.trim();
        else if (cell.hasAttribute('title')) cell.removeAttribute('title');
    };
    document.addEventListener('mouseover', explain);
    document.addEventListener('focusin', explain);
})();
