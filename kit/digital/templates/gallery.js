(() => {
  "use strict";
  const cards = Array.from(document.querySelectorAll(".carte"));
  const buttons = Array.from(document.querySelectorAll("[data-filtre]"));
  const input = document.getElementById("recherche");
  const count = document.getElementById("compte");
  const none = document.getElementById("aucun");
  const message = document.getElementById("aucun-message");
  const names = new Map(buttons.map((b) => [b.dataset.filtre, b.firstChild.textContent.trim()]));
  let family = "tout";

  // The same normalisation as search_key() in gallery.py: no accents, no case, plain spaces.
  const key = (text) =>
    text
      .replace(/\u2019/g, "'")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/[\s\u00a0\u202f]+/g, " ")
      .trim();

  const cardsText = (n) => (n > 1 ? `${n} cartes` : `${n} carte`);

  function update() {
    const words = key(input.value).split(" ").filter(Boolean);
    let shown = 0;
    for (const card of cards) {
      const visible =
        (family === "tout" || card.dataset.famille === family) &&
        words.every((word) => card.dataset.recherche.includes(word));
      card.hidden = !visible;
      if (visible) shown += 1;
    }
    const filtered = shown !== cards.length;
    count.textContent = shown === 0 ? "Aucune carte" : cardsText(shown) + (filtered ? ` sur ${cards.length}` : "");
    none.hidden = shown !== 0;
    if (shown === 0) {
      const where = family === "tout" ? "" : ` parmi les ${names.get(family).toLowerCase()}`;
      message.textContent = `Aucune carte ne correspond à «\u202f${input.value.trim()}\u202f»${where}.`;
    }
  }

  function choose(button) {
    family = button.dataset.filtre;
    for (const other of buttons) other.setAttribute("aria-pressed", String(other === button));
    update();
  }

  for (const button of buttons) button.addEventListener("click", () => choose(button));
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && input.value) {
      input.value = "";
      update();
    }
  });
  document.getElementById("tout-afficher").addEventListener("click", () => {
    input.value = "";
    choose(buttons[0]);
    input.focus();
  });
  update(); // the browser may have kept the text typed before a reload
})();
