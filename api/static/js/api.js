// The HTTP calls of the chat page. Every failure becomes an ApiError with a `kind` the
// page can explain politely: network, rate_limited, invalid, not_found, server.

export class ApiError extends Error {
  constructor(kind, status = 0, detail = "") {
    super(`${kind} ${status}`);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

function kindOf(status) {
  if (status === 429) return "rate_limited";
  if (status === 422 || status === 400) return "invalid";
  if (status === 404) return "not_found";
  return "server";
}

function detailText(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail.map((d) => (d && typeof d.message === "string" ? d.message : "")).join("; ");
  }
  return "";
}

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError("network");
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(kindOf(response.status), response.status, detailText(data && data.detail));
  }
  return data;
}

export async function sendMessage(sender, message, metadata) {
  const replies = await request("POST", "/api/chat", { sender, message, metadata });
  return Array.isArray(replies) ? replies : [];
}

export async function fetchHistory(sender) {
  const history = await request("GET", `/api/chat/${encodeURIComponent(sender)}/history`);
  return Array.isArray(history) ? history : [];
}

export function sendMessageFeedback(sender, { messageId, text }, helpful) {
  const body = messageId ? { sender, message_id: messageId, helpful } : { sender, text, helpful };
  return request("POST", "/api/feedback/message", body);
}

export function sendRating(sender, rating, comment) {
  const body = comment ? { sender, rating, comment } : { sender, rating };
  return request("POST", "/api/feedback/rating", body);
}

export function cancelHandoff(handoffId) {
  return request("POST", `/api/handoffs/${encodeURIComponent(handoffId)}/cancel`);
}
