// A button marked data-print prints the page. A file of its own, not an onclick attribute:
// the Content-Security-Policy allows no inline script.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
