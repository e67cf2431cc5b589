// A button with data-countdown="N" stays disabled for N seconds and shows them ("重新获取（59秒）").
// The server refuses an early resend anyway; this only shows the user how long to wait.
(function () {
    function start() {
        document.querySelectorAll('[data-countdown]').forEach(function (button) {
            if (button.dataset.counting) return;
            button.dataset.counting = '1';
            var left = parseInt(button.dataset.countdown, 10) || 0;
            var label = button.dataset.label || button.textContent;
            (function tick() {
                if (left <= 0) { button.disabled = false; button.textContent = label; return; }
                button.disabled = true;
                button.textContent = label + '（' + left + '秒）';
                left--;
                setTimeout(tick, 1000);
            })();
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
    if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
})();
