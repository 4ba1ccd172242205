/**
 * What every partner feature shares: settings, request checks, problems and secrets.
 */
package org.plazo.notify.partners.support;
