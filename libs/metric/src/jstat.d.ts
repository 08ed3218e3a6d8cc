/**
 * Minimal typings for the parts of jStat that libs/metric uses (the package ships no types).
 * Kept deliberately small: anything not declared here is not used.
 */
declare module 'jstat' {
  export const jStat: {
    studentt: {
      /** Quantile function of Student's t with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
    normal: {
      /** Quantile function of the normal distribution. */
      inv(p: number, mean: number, std: number): number;
    };
  };
}
