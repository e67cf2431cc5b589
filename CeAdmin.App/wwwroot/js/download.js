// Hands a one-time export URL to the browser's download manager without leaving the page (and its circuit).
window.ceadmin = window.ceadmin || {};
window.ceadmin.download = function (url) {
    const a = document.createElement("a");
    a.href = url;
    a.rel = "noopener";
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
};
