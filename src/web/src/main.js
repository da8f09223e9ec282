// The page's entry point: the path decides the view.
//   /  and  /demo.html   landing
//   /r/{roomId}           room (?name=Ada sets the display name)

import { showLanding } from './landing.js';
import { showRoom } from './room.js';
import { parseRoomId } from './api.js';

function route() {
  const root = document.getElementById('app');
  const match = /^\/r\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    const roomId = parseRoomId(decodeURIComponent(match[1]));
    if (roomId) {
      showRoom(root, roomId);
      return;
    }
  }
  showLanding(root);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', route);
else route();
