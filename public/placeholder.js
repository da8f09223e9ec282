document.getElementById("create").addEventListener("click", async () => {
  const response = await fetch("/api/rooms", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  const room = await response.json();
  const link = document.getElementById("link");
  link.textContent = new URL("/r/" + room.roomId, location.href).href;
});
