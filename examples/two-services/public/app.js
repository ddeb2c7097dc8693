// Runs in the browser: the API is under the same origin, at /api.
fetch("api/items")
  .then((response) => response.json())
  .then((items) => {
    document.getElementById("items").innerHTML = items
      .map((item) => `<li>${item.name}: ${item.stock} in stock</li>`)
      .join("");
  });
