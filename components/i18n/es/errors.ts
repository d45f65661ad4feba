import type { Messages } from '../en';
import type { Fmt } from '../fmt';

export const errors = (f: Fmt): Messages['errors'] => ({
  unknown: 'Algo no ha salido bien. Inténtalo de nuevo.',
  problems: {
    'crypto.needsHttps': () =>
      'Aquí no se pueden crear ni abrir archivos o enlaces protegidos: los navegadores solo cifran en páginas seguras (https). Abre Tandem desde su dirección https, o usa la extensión del navegador.',
  },
  storage: {
    quota: 'Tu navegador no tiene espacio para guardar esto. Libera algo de espacio en el disco y vuelve a intentarlo. No se ha cambiado nada más.',
    blocked: 'Tandem se ha actualizado en otra pestaña o ventana. Cierra las demás pestañas de Tandem o recarga esta, y vuelve a intentarlo.',
    unavailable: 'Tandem no puede abrir su almacenamiento en esta ventana del navegador (la navegación privada puede causarlo). Tus datos guardados no se han visto afectados.',
    other: 'No se ha podido guardar esta vez. Inténtalo de nuevo; si sigue pasando, recarga la página.',
  },
});
