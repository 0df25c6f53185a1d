/** Test support: published vectors and fixtures. */
package io.coffer.ledger.testing;
