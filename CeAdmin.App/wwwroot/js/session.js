// Idle sign-out and cookie keep-alive. An open Blazor circuit sends no HTTP requests, so the
// sliding cookie would not renew while a user works, nor would an idle one be signed out.
(() => {
    let last = Date.now();
    let lastPing = Date.now();
    const pingEvery = 5 * 60 * 1000;
    const mark = () => { last = Date.now(); };
    ['mousemove', 'mousedown', 'keydown', 'scroll', 'touchstart', 'wheel'].forEach(e =>
        window.addEventListener(e, mark, { passive: true, capture: true }));

    setInterval(() => {
        const el = document.getElementById('ce-session');
        if (!el) return; // not signed in
        const idleMs = parseFloat(el.dataset.idleMinutes || '30') * 60 * 1000;
        const now = Date.now();
        if (now - last >= idleMs) {
            // 退出 is a POST with the antiforgery token: submit the layout's own form.
            const form = document.getElementById('logout-form');
            const reason = document.getElementById('logout-reason');
            if (form && reason && !form.dataset.sent) {
                form.dataset.sent = '1';
                reason.value = 'idle';
                form.submit();
            }
            return;
        }
        if (last > lastPing && now - lastPing >= Math.min(pingEvery, idleMs / 2)) {
            lastPing = now;
            fetch('/account/keepalive', { credentials: 'same-origin', cache: 'no-store' })
                .then(r => { if (r.status === 401) window.location.href = '/account/login?reason=expired'; })
                .catch(() => { });
        }
    }, 1000);
})();
