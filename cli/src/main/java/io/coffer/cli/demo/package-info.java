/** {@code coffer demo}: the end-to-end multi-stakeholder quickstart. */
package io.coffer.cli.demo;
