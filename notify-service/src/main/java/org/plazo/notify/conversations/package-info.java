/**
 * Two-way SMS: what people text Plazo (STOP, HELP, PLAZO, a language, a registration with
 * their arrival date) and the answers they get.
 */
package org.plazo.notify.conversations;
