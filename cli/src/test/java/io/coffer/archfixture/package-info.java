/** Deliberate architecture violations that {@code ArchitectureTest} must catch. Test code only. */
package io.coffer.archfixture;
