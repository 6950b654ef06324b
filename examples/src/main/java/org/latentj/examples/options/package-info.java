/**
 * Command-line options that the {@code latentj} commands and the reproduction drivers share, as
 * picocli mixins: one declaration of each option, its name, help text and checks. A mixin whose
 * default differs between commands takes it in its constructor
 * ({@code @Mixin SeedOption seed = new SeedOption(1);}); picocli shows it as the default.
 */
package org.latentj.examples.options;
