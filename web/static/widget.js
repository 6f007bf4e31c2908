/*
 * The chat widget of the medical-insurance assistant, on the socket.io client from npm (served at /vendor).
 *
 * The host page provides <div id="assistant-widget"> with data-socket-url, data-max-message-chars,
 * data-reply-timeout-seconds, data-chat-end-url (the web server's POST /chat/end) and, for a signed-in user,
 * data-auth-token: a short-lived signed token sent with every message as customData.auth_token,
 * data-links (the official addresses answers may link to, by the name they give) and data-legal-basis-labels
 * (how an answer's legal-basis line starts), both JSON from bot/knowledge.
 * The widget speaks the page's language (<html lang>).
 * The server issues the conversation's secret (session_confirm); the widget keeps the confirmed secret and the
 * messages shown in sessionStorage: a reload keeps the conversation, closing the tab ends it (a shared computer
 * at a service hall keeps nothing). ID numbers, phone numbers and codes the person types are shown and kept
 * masked; the assistant gets them as typed.
 */
(function () {
  "use strict";

  const LABELS = {
    zh: {
      launcher: "在线咨询",
      title: "医保助手",
      newConversation: "新对话",
      largerText: "大字",
      confirmNew: "开始新对话？当前对话将不再显示。",
      startNew: "开始新对话",
      cancel: "取消",
      close: "关闭",
      log: "与医保助手的对话",
      youSaid: "您说：",
      assistantSaid: "医保助手说：",
      suggestions: "建议的问题",
      inputLabel: "输入您的问题（中文或英文）",
      placeholder: "例如：怎么查医保卡余额？",
      send: "发送",
      counter: (count, max) => `${count} / ${max} 字`,
      unreachable: "暂时无法连接医保助手，正在自动重试。您也可以拨打医保服务热线 12393。",
      noReply: "医保助手暂时没有回复。请稍后再试，或拨打医保服务热线 12393。",
      typing: "医保助手正在回复…",
      talkToPerson: "转人工",
      verifiedAs: (name) => `已验证身份：${name}`,
      idleWarning: (minutes) => `您的身份验证即将结束（${minutes} 分钟没有查询会自动退出）。`
        + "如需继续查询个人信息，请现在发一条查询。",
      verificationEnded: "身份验证已结束。再次查询个人信息时需要重新验证。",
      sentAt: "发送时间",
    },
    en: {
      launcher: "Ask the assistant",
      title: "Medical-insurance assistant",
      newConversation: "New chat",
      largerText: "Larger text",
      confirmNew: "Start a new chat? This conversation will no longer be shown.",
      startNew: "Start a new chat",
      cancel: "Cancel",
      close: "Close",
      log: "Conversation with the assistant",
      youSaid: "You said:",
      assistantSaid: "Assistant said:",
      suggestions: "Suggested questions",
      inputLabel: "Your question (Chinese or English)",
      placeholder: "e.g. How do I check my balance?",
      send: "Send",
      counter: (count, max) => `${count} / ${max} characters`,
      unreachable: "The assistant cannot be reached right now; retrying automatically. "
        + "You can also call the medical-insurance hotline 12393.",
      noReply: "The assistant has not answered. Please try again in a few minutes, "
        + "or call the medical-insurance hotline 12393.",
      typing: "The assistant is replying…",
      talkToPerson: "Talk to a person",
      verifiedAs: (name) => `Verified as ${name}`,
      idleWarning: (minutes) => `Your identity check is about to end (it ends after ${minutes} minutes without `
        + "a look-up). To keep looking up your records, ask for one now.",
      verificationEnded: "Your identity check has ended. You will be asked to verify again for your records.",
      sentAt: "Sent at",
    },
  };
  const STORAGE_KEY = "medical-insurance-assistant";
  // A reading preference, not conversation data: kept in localStorage, so it outlives the tab.
  const TEXT_SIZE_KEY = "medical-insurance-assistant-large-text";
  const HISTORY_LIMIT = 100; // messages re-shown after a reload
  const FEEDBACK_PAYLOAD = /^\/feedback_/;
  const CHINESE_CHARACTER = /[\u3400-\u4dbf\u4e00-\u9fff]/;
  // The national hotlines (medical insurance; social-security cards): a tap calls them on a phone.
  const HOTLINE = "(?<!\\d)(?:12393|12333)(?!\\d)";
  // Asking for a person gets the answer that says how to reach one (the bot_challenge intent's).
  const TALK_TO_PERSON_PAYLOAD = "/bot_challenge";
  const IDLE_WARNING_SECONDS = 60; // how long before the identity check ends the widget warns

  const root = document.getElementById("assistant-widget");
  if (!root || typeof io !== "function") {
    return;
  }
  const language = document.documentElement.lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  const text = LABELS[language];
  const config = {
    socketUrl: root.dataset.socketUrl,
    maxChars: Number(root.dataset.maxMessageChars) || 1000,
    replyTimeoutMs: 1000 * (Number(root.dataset.replyTimeoutSeconds) || 20),
    authToken: root.dataset.authToken || "",
    chatEndUrl: root.dataset.chatEndUrl || "",
    links: parseJson(root.dataset.links, {}),
    legalBasisLabels: parseJson(root.dataset.legalBasisLabels, []),
  };

  function parseJson(value, fallback) {
    try {
      return value ? JSON.parse(value) : fallback;
    } catch (error) {
      return fallback;
    }
  }

  // ---- what the person typed, as shown and kept: personal numbers masked ----

  const SEPARATORS = /[\s-]/g;
  // ID numbers (18 characters, the last may be X; the old 15 digits) typed with any spacing, "110105 19491231
  // 002X", and mistyped ones in between.
  const ID_NUMBER = /(?<!\d)\d(?:[\s-]*\d){14,17}(?:[\s-]*[Xx])?(?![\dXx])/g;
  const MOBILE_NUMBER = /(?<!\d)1[3-9](?:[\s-]*\d){9}(?!\d)/g;
  // Six digits on their own are a verification code, unless they are an amount ("120000元").
  const CODE = /(?<![\d¥￥])\d(?:[\s-]?\d){5}(?!\d|\.\d|\s*(?:元|块|yuan|rmb))/gi;

  function keepEnds(number) {
    const compact = number.replace(SEPARATORS, "");
    return compact.slice(0, 3) + "*".repeat(compact.length - 7) + compact.slice(-4);
  }

  function maskPersonalNumbers(words) {
    return words.replace(ID_NUMBER, keepEnds).replace(MOBILE_NUMBER, keepEnds).replace(CODE, "******");
  }

  // ---- conversation state, kept across reloads ----

  // Who the page says is signed in: its token's sign-in session (sid, else the person, sub); "" when signed out.
  // A change (signed out, someone else signed in) starts a new conversation, so the next person at a shared
  // computer does not see the last one's messages.
  function signedInAs(token) {
    try {
      const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      return String(claims.sid || claims.sub || "");
    } catch (error) {
      return "";
    }
  }

  const pageSignedInAs = signedInAs(config.authToken);

  // sessionId: the secret the server confirmed; null until it has confirmed one.
  function freshState() {
    return { sessionId: null, messages: [], greeted: false, open: false, signedInAs: pageSignedInAs };
  }

  function loadState() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
      if (saved && Array.isArray(saved.messages) && saved.signedInAs === pageSignedInAs) {
        return saved;
      }
      if (saved) {
        endVerification(saved.sessionId); // the last person's conversation: forgotten here, ended there
        sessionStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // unreadable (storage blocked or corrupted): start a new conversation
    }
    return freshState();
  }

  // Ends the conversation's verified state on the web server; its history stays with the assistant.
  function endVerification(sessionId) {
    if (sessionId && config.chatEndUrl) {
      navigator.sendBeacon(config.chatEndUrl, sessionId);
    }
  }

  const state = loadState();

  function saveState() {
    state.messages = state.messages.slice(-HISTORY_LIMIT);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      // storage blocked: the conversation still works, it is just not kept across a reload
    }
  }

  // ---- the user interface ----

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  function htmlLang(words) {
    return CHINESE_CHARACTER.test(words) ? "zh-CN" : "en";
  }

  const launcher = element("button", {
    id: "aw-launcher", type: "button", class: "aw-launcher", "aria-expanded": "false", "aria-controls": "aw-panel",
  }, text.launcher);
  const newConversationButton = element("button", { type: "button", class: "aw-new" }, text.newConversation);
  const largerTextButton = element("button", { type: "button", class: "aw-larger", "aria-pressed": "false" },
    text.largerText);
  const closeButton = element("button", { type: "button", class: "aw-close" }, text.close);
  const log = element("div", {
    class: "aw-log", role: "log", "aria-live": "polite", "aria-label": text.log, tabindex: "0",
  });
  const alertLine = element("p", { class: "aw-alert", role: "alert" });
  // "New chat" in the middle of a conversation asks first: the conversation shown would be gone.
  const startNewButton = element("button", { type: "button" }, text.startNew);
  const cancelNewButton = element("button", { type: "button" }, text.cancel);
  const confirmNew = element("div", { class: "aw-confirm", role: "alertdialog", "aria-label": text.confirmNew,
    hidden: "" }, element("p", {}, text.confirmNew), startNewButton, cancelNewButton);
  // Shown from sending a message until its reply (or the no-reply alert): on a slow network nothing else moves.
  const typingLine = element("p", { class: "aw-typing", role: "status", hidden: "" }, text.typing);
  const input = element("input", {
    id: "aw-input", class: "aw-input", type: "text", maxlength: String(config.maxChars), autocomplete: "off",
    placeholder: text.placeholder, "aria-describedby": "aw-counter",
  });
  const sendButton = element("button", { type: "submit", class: "aw-send", disabled: "" }, text.send);
  const talkToPersonButton = element("button", { type: "button", class: "aw-person" }, text.talkToPerson);
  const counter = element("p", { id: "aw-counter", class: "aw-counter" });
  const form = element("form", { class: "aw-form" },
    element("label", { for: "aw-input", class: "aw-visually-hidden" }, text.inputLabel), input, sendButton,
    element("div", { class: "aw-form-footer" }, talkToPersonButton, counter));
  // Who the conversation is verified as, while it is (the server reports it after every message).
  const verifiedBadge = element("p", { class: "aw-verified", hidden: "" });
  // The identity check about to end, or ended by the idle limit: said once, politely.
  const verificationNotice = element("p", { class: "aw-notice", role: "status" });
  const panel = element("section", { id: "aw-panel", class: "aw-panel", "aria-labelledby": "aw-title", hidden: "" },
    element("div", { class: "aw-header" },
      element("h2", { id: "aw-title", class: "aw-title" }, text.title), largerTextButton, newConversationButton,
      closeButton),
    verifiedBadge, confirmNew, log, typingLine, verificationNotice, alertLine, form);
  root.append(launcher, panel);

  function setLargeText(large) {
    root.classList.toggle("aw-large", large);
    largerTextButton.setAttribute("aria-pressed", String(large));
    try {
      localStorage.setItem(TEXT_SIZE_KEY, large ? "1" : "0");
    } catch (error) {
      // storage blocked: the size still changes, it is just not remembered
    }
  }

  function savedLargeText() {
    try {
      return localStorage.getItem(TEXT_SIZE_KEY) === "1";
    } catch (error) {
      return false;
    }
  }

  function updateCounter() {
    counter.textContent = text.counter(input.value.length, config.maxChars);
  }

  // ---- the assistant's words: hotlines as tel: links, official names as links, lists as lists ----

  function escapeForPattern(words) {
    return words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Only https addresses are linked; longest names first, so that a name inside a longer one does not win.
  const linkNames = Object.keys(config.links).filter((name) => /^https:\/\//.test(config.links[name]))
    .sort((a, b) => b.length - a.length);
  const LINKABLE = new RegExp(`(${[HOTLINE, ...linkNames.map(escapeForPattern)].join("|")})`, "g");

  function withLinks(words) {
    return words.split(LINKABLE).map((part, index) => {
      if (index % 2 === 0) {
        return document.createTextNode(part);
      }
      if (linkNames.includes(part)) {
        return element("a", { href: config.links[part], class: "aw-link", target: "_blank", rel: "noopener" }, part);
      }
      return element("a", { href: `tel:${part}`, class: "aw-tel" }, part);
    });
  }

  // An answer's "- " lines become a list and its legal-basis line is set apart; the text is unchanged.
  function answerBlocks(words) {
    const blocks = [];
    for (const line of words.split("\n")) {
      if (line.startsWith("- ")) {
        const last = blocks[blocks.length - 1];
        const list = last && last.tagName === "UL" ? last : element("ul", {});
        list.append(element("li", {}, ...withLinks(line.slice(2))));
        if (list !== last) {
          blocks.push(list);
        }
      } else if (line.trim()) {
        const isLegalBasis = config.legalBasisLabels.some((label) => line.startsWith(label));
        blocks.push(element("p", isLegalBasis ? { class: "aw-basis" } : {}, ...withLinks(line)));
      }
    }
    return blocks;
  }

  const TIME_FORMAT = new Intl.DateTimeFormat(language === "zh" ? "zh-CN" : "en-GB",
    { hour: "2-digit", minute: "2-digit" });

  function timeNode(at) {
    const when = new Date(at);
    return element("time", { class: "aw-time", datetime: when.toISOString(), title: text.sentAt },
      TIME_FORMAT.format(when));
  }

  function messageNode(message) {
    const fromBot = message.from === "bot";
    const body = fromBot
      ? element("div", { class: "aw-text", lang: htmlLang(message.text) }, ...answerBlocks(message.text))
      : element("div", { class: "aw-text", lang: htmlLang(message.text) }, message.text);
    const node = element("div", { class: `aw-message aw-from-${message.from}` },
      element("span", { class: "aw-visually-hidden" }, fromBot ? text.assistantSaid : text.youSaid), body);
    if (message.at) {
      node.append(timeNode(message.at));
    }
    return node;
  }

  function buttonsNode(buttons) {
    const group = element("div", { class: "aw-buttons", role: "group", "aria-label": text.suggestions });
    for (const button of buttons) {
      const node = element("button", { type: "button", lang: htmlLang(button.title), "data-payload": button.payload },
        button.title);
      node.addEventListener("click", () => {
        send(button.payload, button.title);
        input.focus(); // the clicked button disappears with the others
      });
      group.append(node);
    }
    return group;
  }

  // Buttons are offered only until the user says something, except "helpful / not helpful" under the latest
  // answer, which stay until one is chosen.
  function pruneButtons(feedbackGiven) {
    const groups = Array.from(log.querySelectorAll(".aw-buttons"));
    groups.slice(0, -1).forEach((group) => group.remove());
    const latest = groups[groups.length - 1];
    if (!latest) {
      return;
    }
    latest.querySelectorAll("button").forEach((node) => {
      if (feedbackGiven || !FEEDBACK_PAYLOAD.test(node.dataset.payload)) {
        node.remove();
      }
    });
    if (!latest.querySelector("button")) {
      latest.remove();
    }
  }

  function show(message, withButtons) {
    if (message.from === "user") {
      pruneButtons(FEEDBACK_PAYLOAD.test(message.payload || ""));
    }
    const node = messageNode(message);
    log.append(node);
    if (withButtons && message.buttons && message.buttons.length) {
      log.append(buttonsNode(message.buttons));
    }
    // A long answer is read from its first line, under the question; anything else keeps the end in view.
    const question = node.previousElementSibling;
    const top = question && question.classList.contains("aw-from-user") ? question : node;
    log.scrollTop = message.from === "bot" ? top.offsetTop - log.offsetTop : log.scrollHeight;
  }

  function showHistory() {
    const lastUserMessage = state.messages.map((message) => message.from).lastIndexOf("user");
    state.messages.forEach((message, index) => show(message, index > lastUserMessage));
  }

  function remember(message) {
    state.messages.push(message);
    saveState();
    show(message, true);
  }

  function showAlert(words) {
    alertLine.textContent = words;
  }

  // ---- talking to the assistant ----

  let socket = null;
  let ready = false; // connected, and the server confirmed our session
  let replyTimer = null;

  function setReady(value) {
    ready = value;
    sendButton.disabled = !value;
  }

  function emitMessage(message) {
    const data = { message, session_id: state.sessionId };
    if (config.authToken) {
      data.customData = { auth_token: config.authToken };
    }
    socket.emit("user_uttered", data);
    clearTimeout(replyTimer);
    typingLine.hidden = false;
    replyTimer = setTimeout(() => {
      typingLine.hidden = true;
      showAlert(text.noReply);
    }, config.replyTimeoutMs);
  }

  function send(payload, shownText) {
    if (!ready) {
      showAlert(text.unreachable);
      return false;
    }
    remember({ from: "user", text: maskPersonalNumbers(shownText), payload: FEEDBACK_PAYLOAD.test(payload) ? payload : "",
      at: Date.now() });
    emitMessage(payload);
    return true;
  }

  function greet() {
    // The greeting (with the privacy notice) in the page's language; the `language` slot takes the entity.
    state.greeted = true;
    saveState();
    emitMessage(`/greet${JSON.stringify({ language })}`);
  }

  function receive(reply) {
    clearTimeout(replyTimer);
    typingLine.hidden = true;
    showAlert("");
    if (typeof reply.text !== "string" || !reply.text) {
      return; // this assistant sends text (with buttons) only
    }
    const buttons = (reply.quick_replies || reply.buttons || []).map(({ title, payload }) => ({ title, payload }));
    remember({ from: "bot", text: reply.text, buttons, at: Date.now() });
  }

  // ---- the identity check, as the server reports it (bot.identity.verification_status) ----

  let warningTimer = null;
  let endTimer = null;

  function showVerification(status) {
    clearTimeout(warningTimer);
    clearTimeout(endTimer);
    const wasVerified = !verifiedBadge.hidden;
    verifiedBadge.hidden = !status.verified;
    if (!status.verified) {
      if (!wasVerified) {
        verificationNotice.textContent = "";
      }
      return;
    }
    verifiedBadge.textContent = text.verifiedAs(status.name[language]);
    verificationNotice.textContent = "";
    const minutes = Math.round(status.idle_seconds / 60);
    const warnIn = status.seconds_left - IDLE_WARNING_SECONDS;
    warningTimer = setTimeout(() => { verificationNotice.textContent = text.idleWarning(minutes); },
      1000 * Math.max(warnIn, 0));
    endTimer = setTimeout(() => {
      verifiedBadge.hidden = true;
      verificationNotice.textContent = text.verificationEnded;
    }, 1000 * status.seconds_left);
  }

  // The secret kept from the last confirmation, or none for a new conversation.
  function requestSession() {
    setReady(false);
    socket.emit("session_request", state.sessionId ? { session_id: state.sessionId } : {});
  }

  function startOver() {
    Object.assign(state, freshState(), { open: state.open });
    saveState();
    log.replaceChildren();
    showAlert("");
    clearTimeout(replyTimer);
    typingLine.hidden = true;
    showVerification({ verified: false });
  }

  // The server may confirm another secret than the one sent (it did not know that one): the conversation shown
  // is then not the one the server continues, so it starts over.
  function confirmSession(secret) {
    if (state.sessionId && secret !== state.sessionId) {
      startOver();
    }
    state.sessionId = secret;
    saveState();
    setReady(true);
    showAlert("");
    if (!state.greeted) {
      greet();
    }
  }

  function connect() {
    if (socket) {
      return;
    }
    socket = io(config.socketUrl, { path: "/socket.io", reconnectionDelayMax: 10000 });
    socket.on("connect", requestSession);
    socket.on("session_confirm", confirmSession);
    socket.on("connect_error", () => {
      setReady(false);
      showAlert(text.unreachable);
    });
    socket.on("disconnect", () => {
      setReady(false);
      showAlert(text.unreachable);
    });
    socket.on("bot_uttered", receive);
    socket.on("verification_status", (status) => {
      if (status && typeof status === "object") {
        showVerification(status);
      }
    });
  }

  // ---- user actions ----

  function setOpen(open, moveFocus) {
    state.open = open;
    saveState();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      log.scrollTop = log.scrollHeight;
      connect();
    }
    if (moveFocus) {
      (open ? input : launcher).focus();
    }
  }

  launcher.addEventListener("click", () => setOpen(true, true));
  closeButton.addEventListener("click", () => setOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      setOpen(false, true);
    }
  });
  input.addEventListener("input", updateCounter);
  talkToPersonButton.addEventListener("click", () => send(TALK_TO_PERSON_PAYLOAD, text.talkToPerson));
  largerTextButton.addEventListener("click", () => setLargeText(!root.classList.contains("aw-large")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (message && send(message, message)) {
      input.value = "";
      updateCounter();
    }
  });
  function startNewConversation() {
    confirmNew.hidden = true;
    endVerification(state.sessionId);
    startOver();
    requestSession(); // its confirmation sends the greeting of the new conversation
    input.focus();
  }

  newConversationButton.addEventListener("click", () => {
    if (!state.messages.some((message) => message.from === "user")) {
      startNewConversation(); // nothing said yet: nothing to lose
      return;
    }
    confirmNew.hidden = false;
    cancelNewButton.focus();
  });
  startNewButton.addEventListener("click", startNewConversation);
  cancelNewButton.addEventListener("click", () => {
    confirmNew.hidden = true;
    input.focus();
  });
  // Closing the tab ends the chat's verified state. pagehide cannot tell a close from a reload, so a reload ends
  // it too: the conversation and its history stay, and a signed-in page verifies it again with its fresh token.
  window.addEventListener("pagehide", () => endVerification(state.sessionId));

  setLargeText(savedLargeText());
  updateCounter();
  showHistory();
  if (state.open) {
    setOpen(true, false);
  }
})();
