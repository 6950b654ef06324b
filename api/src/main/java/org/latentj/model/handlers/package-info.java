/**
 * Effect handlers (Pyro's poutine): each {@code sample} or {@code observe} call of a program is
 * a {@link org.latentj.model.handlers.Message} passed through the thread's stack of
 * {@link org.latentj.model.handlers.Handler}s, which give it a value (guide, replay, generate,
 * condition, substitute, seed), weigh it (scale, mask, plate) or hide it (block). A new effect is
 * a new small handler class; {@link org.latentj.model.handlers.Handlers} enters the built-in
 * ones.
 */
package org.latentj.model.handlers;
